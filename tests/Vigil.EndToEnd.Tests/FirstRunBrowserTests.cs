using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Testing;

namespace Vigil.EndToEnd.Tests;

/// <summary>A newcomer's first minutes, in real Chromium against the real dashboard.</summary>
public sealed class FirstRunBrowserTests
{
    private const string Email = "first.admin@vigil.test";
    private const string Password = "Sturdy-Password-42";

    [Fact]
    public async Task Setup_sign_in_create_key_call_api_revoke_key_gets_401()
    {
        await using var host = await DashboardHost.StartAsync(new DashboardOptions { Bootstrap = false });
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(host.BaseAddress);

        // With no users, any page leads to set-up.
        await page.GotoAsync("/nodes");
        Assert.EndsWith("/setup", page.Url);

        // Invalid fields are refused with messages next to them.
        await page.FillAsync("#setup-email", "not-an-email");
        await page.FillAsync("#setup-password", "short");
        await page.FillAsync("#setup-confirm", "different");
        await page.ClickAsync("#setup-submit");
        await Assertions.Expect(page.Locator(".validation-message").First).ToBeVisibleAsync();
        var messages = await page.Locator(".validation-message").AllInnerTextsAsync();
        Assert.Contains("Enter a valid email address.", messages);
        Assert.Contains("Use at least 12 characters.", messages);
        Assert.Contains("The passwords do not match.", messages);
        await Browser.ScreenshotAsync(page, "setup-errors");

        await page.FillAsync("#setup-email", Email);
        await page.FillAsync("#setup-password", Password);
        await page.FillAsync("#setup-confirm", Password);
        await page.ClickAsync("#setup-submit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(host.BaseAddress.ToString().TrimEnd('/'))}/?$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monitoring wall", Exact = true })).ToBeVisibleAsync();
        await Browser.WaitForInteractiveAsync(page);
        await Browser.ScreenshotAsync(page, "wall");

        // The theme toggle switches to dark and the choice is remembered across pages.
        await page.GetByLabel("Toggle theme").ClickAsync();
        await page.WaitForFunctionAsync("() => localStorage.getItem('vigil.theme') === 'dark'");
        await page.GotoAsync("/scans");
        await Browser.WaitForInteractiveAsync(page);
        await page.WaitForFunctionAsync(
            "() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').replace(/\\s/g, '') === 'rgba(15,21,36,1)'");
        await Browser.ScreenshotAsync(page, "scans-dark");
        await page.GetByLabel("Toggle theme").ClickAsync();

        // Sign out, then sign in again through the login page.
        await page.GotoAsync("/login");
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/settings/api-keys");
        Assert.Contains("/login", page.Url);
        await Browser.ScreenshotAsync(page, "login");
        await page.FillAsync("#login-email", Email);
        await page.FillAsync("#login-password", Password);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Exact = true })).ToBeVisibleAsync();

        // Create a key; it is shown once.
        await Browser.WaitForInteractiveAsync(page);
        await page.ClickAsync("#create-api-key");
        await page.GetByLabel("Name").FillAsync("ci-pipeline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        var keyLocator = page.Locator("#api-key-value");
        await Assertions.Expect(keyLocator).ToBeVisibleAsync();
        var key = (await keyLocator.InnerTextAsync()).Trim();
        Assert.StartsWith("vgl_", key);
        await Browser.ScreenshotAsync(page, "api-key-created");
        await page.ClickAsync("#api-key-done");
        await Assertions.Expect(page.Locator("#api-keys-table")).ToContainTextAsync("ci-pipeline");
        Assert.DoesNotContain(key, await page.ContentAsync());
        await Browser.ScreenshotAsync(page, "api-keys");

        using var api = host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var me = await api.GetStringAsync("/api/v1/me");
        Assert.Contains("\"role\":\"Viewer\"", me);
        Assert.Contains("\"authentication\":\"apikey\"", me);

        // Revoke in the UI: the very next call is refused.
        await page.Locator("#api-keys-table").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("Calls with \"ci-pipeline\" will be refused immediately.");
        await Browser.ScreenshotAsync(page, "api-key-revoke-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.Locator("#api-keys-table")).ToContainTextAsync("revoked");
        using var afterRevoke = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);

        // Every page of the shell renders for the Admin; pictures for people to look at.
        foreach (var (path, name) in new[]
                 {
                     ("/nodes", "nodes"), ("/scans", "scans"), ("/settings/users", "users"), ("/settings/audit", "audit"),
                     ("/settings/health", "health"), ("/integrations", "integrations"),
                 })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator(".vigil-page-title")).ToBeVisibleAsync();
            await Browser.WaitForInteractiveAsync(page);
            await Browser.ScreenshotAsync(page, name);
        }

        await Assertions.Expect(page.Locator("#audit-table")).ToHaveCountAsync(0);
        await page.GotoAsync("/settings/audit");
        await Assertions.Expect(page.Locator("#audit-table")).ToContainTextAsync("API key revoked");
        await Assertions.Expect(page.Locator("#audit-table")).ToContainTextAsync("Signed in");
    }
}
