using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Core.Json;
using Vigil.Testing;

namespace Vigil.EndToEnd.Tests;

/// <summary>The Nodes page in real Chromium with a real agent connected.</summary>
public sealed class NodesPageBrowserTests
{
    [Fact]
    public async Task Nodes_page_lists_a_live_agent_and_the_enroll_dialog_shows_the_token_once_with_the_command()
    {
        await using var host = await DashboardHost.StartAsync();
        using var api = host.Api();
        var token = (await api.PostJsonAsync("/api/v1/enrollment-tokens", new { labels = new Dictionary<string, string> { ["env"] = "staging" } })).GetProperty("token").GetString()!;
        using var state = new TempDirectory("vigil-agent-state");
        var (exitCode, output) = await AgentProcess.RunAsync("enroll", "--console", host.BaseAddress.ToString(), "--token", token, "--name", "browser-host", "--state-dir", state.Path);
        Assert.True(exitCode == 0, output);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewSignedInPageAsync(host.BaseAddress);

        await page.GotoAsync("/nodes");
        await Browser.WaitForInteractiveAsync(page);
        var table = page.Locator("#nodes-table");
        await Assertions.Expect(table).ToContainTextAsync("browser-host");
        await Assertions.Expect(table.Locator(".node-status")).ToHaveTextAsync("offline");

        // The agent connects while the page is open: the row turns online without a reload.
        await using var agent = AgentProcess.Start("run", "--state-dir", state.Path);
        await Assertions.Expect(table.Locator(".node-status")).ToHaveTextAsync("online", new() { Timeout = 20_000 });
        await Assertions.Expect(table).ToContainTextAsync("env=staging");
        await Assertions.Expect(table).ToContainTextAsync(Environment.MachineName);
        await Browser.ScreenshotAsync(page, "nodes");

        await page.ClickAsync("#enroll-agent");
        await page.ClickAsync("#create-token");
        var tokenValue = page.Locator("#enrollment-token-value");
        await Assertions.Expect(tokenValue).ToBeVisibleAsync();
        var shown = (await tokenValue.InnerTextAsync()).Trim();
        Assert.StartsWith("vge_", shown, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".mud-dialog .vigil-code")).ToContainTextAsync($"vigil-agent enroll --console {host.BaseAddress.ToString().TrimEnd('/')} --token {shown}");
        await Browser.ScreenshotAsync(page, "nodes-enroll-token");
        await page.ClickAsync("#token-done");
        await Assertions.Expect(tokenValue).ToHaveCountAsync(0);
        Assert.DoesNotContain(shown, await page.ContentAsync(), StringComparison.Ordinal);

        // The new token is listed by its prefix only, next to the used one the agent enrolled with.
        var tokens = page.Locator("#enrollment-tokens-table");
        await Assertions.Expect(tokens).ToContainTextAsync(shown[..12] + "…");
        await Assertions.Expect(tokens).ToContainTextAsync("env=staging");
        await Assertions.Expect(tokens.Locator(".token-status")).ToHaveTextAsync(["active", "used"]);
        await Browser.ScreenshotAsync(page, "nodes-enrollment-tokens");

        // Revoked from the page: enrolling with it is refused.
        await tokens.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(tokens.Locator(".token-status")).ToHaveTextAsync(["revoked", "used"]);
        using var anonymous = host.CreateClient();
        using var refused = await anonymous.PostAsJsonAsync("/api/v1/agents/enroll", new { token = shown, name = "from-dialog" }, VigilJson.Options);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", (await refused.Content.ReadFromJsonAsync<JsonElement>(VigilJson.Options)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
