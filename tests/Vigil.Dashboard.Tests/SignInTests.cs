using System.Net;
using System.Net.Http.Json;
using Vigil.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task Wrong_password_past_the_limit_locks_the_account_even_for_the_right_password()
    {
        await using var host = await DashboardHost.StartAsync();
        using var session = BrowserSession.For(host.BaseAddress);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await session.SignInAsync(DashboardHost.AdminEmail, "Not-The-Password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var locked = await session.SignInAsync(DashboardHost.AdminEmail, DashboardHost.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked after repeated failed sign-ins", await locked.Content.ReadAsStringAsync());

        var audit = host.Services.GetRequiredService<AuditLog>();
        var failures = await WaitForAsync(async () => (await audit.QueryAsync(new AuditQuery(Action: "Sign-in failed"))).Total, n => n >= 6);
        Assert.True(failures >= 6, $"expected every failed sign-in in the audit log, saw {failures}");
    }

    [Fact]
    public async Task Sign_in_sets_a_cookie_that_survives_a_restart_on_the_same_database()
    {
        using var data = new TempDirectory("vigil-restart");
        var cookies = new CookieContainer();

        await using (var first = await DashboardHost.StartAsync(new DashboardOptions { DataDirectory = data.Path }))
        {
            using var session = BrowserSession.For(first.BaseAddress, cookies);
            using var signedIn = await session.SignInAsync(DashboardHost.AdminEmail, DashboardHost.AdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // A new process on the same database: Data Protection keys come from the database, so the cookie still works.
        await using var second = await DashboardHost.StartAsync(new DashboardOptions { DataDirectory = data.Path });
        using var again = BrowserSession.For(second.BaseAddress, CopyCookies(cookies, first: null, second.BaseAddress));
        using var me = await again.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(DashboardHost.AdminEmail, await me.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Users_change_their_own_password_and_only_the_new_one_works()
    {
        await using var host = await DashboardHost.StartAsync();
        using var admin = host.Api();
        await admin.PostJsonAsync("/api/v1/users", new { email = "viewer@vigil.test", password = "Viewer-Pass-123", role = "viewer" });
        using var session = BrowserSession.For(host.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("viewer@vigil.test", "Viewer-Pass-123")).StatusCode);

        using var wrongCurrent = await session.Http.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "nope", newPassword = "Brand-New-Pass-456" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        using var changed = await session.Http.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Viewer-Pass-123", newPassword = "Brand-New-Pass-456" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using var fresh = BrowserSession.For(host.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync("viewer@vigil.test", "Viewer-Pass-123")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync("viewer@vigil.test", "Brand-New-Pass-456")).StatusCode);
    }

    [Fact]
    public async Task Bootstrap_settings_are_ignored_once_users_exist()
    {
        using var data = new TempDirectory("vigil-bootstrap");
        string firstKey;
        await using (var first = await DashboardHost.StartAsync(new DashboardOptions { DataDirectory = data.Path }))
        {
            firstKey = first.AdminApiKey!;
        }

        await using var second = await DashboardHost.StartAsync(new DashboardOptions
        {
            DataDirectory = data.Path,
            Settings = new Dictionary<string, string?> { ["Vigil:Bootstrap:AdminEmail"] = "intruder@vigil.test" },
        });

        using var unusedBootstrapKey = second.CreateClient(second.AdminApiKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await unusedBootstrapKey.GetAsync("/api/v1/me")).StatusCode);
        using var api = second.Api(firstKey);
        var users = await api.GetJsonAsync("/api/v1/users");
        Assert.Equal(1, users.GetProperty("total").GetInt32());
        Assert.DoesNotContain("intruder", users.ToString());
    }

    [Fact]
    public async Task Without_users_every_page_leads_to_setup_and_setup_closes_once_an_admin_exists()
    {
        await using var host = await DashboardHost.StartAsync(new DashboardOptions { Bootstrap = false });
        using var session = BrowserSession.For(host.BaseAddress);

        using var wall = await session.Http.GetAsync("/");
        Assert.Equal("/setup", wall.Headers.Location?.ToString());

        var token = await session.AntiforgeryTokenAsync("/setup");
        using var created = await session.Http.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "owner@vigil.test",
            ["Input.Password"] = "Owner-Password-12",
            ["Input.ConfirmPassword"] = "Owner-Password-12",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        // A second set-up attempt is refused: the first Admin exists.
        using var stranger = BrowserSession.For(host.BaseAddress);
        using var setupAgain = await stranger.Http.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Redirect, setupAgain.StatusCode);
        Assert.Contains("login", setupAgain.Headers.Location?.ToString());
    }

    private static CookieContainer CopyCookies(CookieContainer source, Uri? first, Uri target)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in source.GetAllCookies())
        {
            copy.Add(target, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return copy;
    }

    private static async Task<int> WaitForAsync(Func<Task<int>> read, Func<int, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 50 && !done(value); i++)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
