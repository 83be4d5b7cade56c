using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Core.Json;
using Vigil.Dashboard.Feeds;
using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.EndToEnd.Tests;

/// <summary>
/// The instance viewer follows a flow that scans a real agent's node, live over SignalR: Wait for scan is shown waiting
/// on its bookmark, then done once the agent's scan completes, with the path taken and the journal updated in place.
/// </summary>
public sealed class InstanceViewerScanBrowserTests
{
    private static readonly Dictionary<string, string?> QuickAgents = new()
    {
        ["Vigil:Agents:HeartbeatInterval"] = "00:00:01",
        ["Vigil:Agents:OfflineAfter"] = "00:00:03",
    };

    [Fact]
    public async Task The_viewer_shows_wait_for_scan_waiting_then_done_as_the_agent_scans()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture");
        await using var host = await DashboardHost.StartAsync(new DashboardOptions { Settings = QuickAgents });
        await host.Services.GetRequiredService<ConsoleFeed>().Store.ImportAsync([Path.Combine(RepoPaths.SharedFeeds, "npm", "all.zip")]);
        using var api = host.Api();

        // A real agent registers, then goes away: the flow's scan waits in the queue until the agent next says hello,
        // so the viewer can be watched while Wait for scan holds its bookmark (no race with a fast scan).
        var token = (await api.PostJsonAsync("/api/v1/enrollment-tokens", new { })).GetProperty("token").GetString()!;
        using var state = new TempDirectory("vigil-agent-state");
        var (exitCode, output) = await AgentProcess.RunAsync("enroll", "--console", host.BaseAddress.ToString(), "--token", token, "--name", "shop-web-02", "--state-dir", state.Path);
        Assert.True(exitCode == 0, output);
        var nodeId = JsonDocument.Parse(File.ReadAllText(Path.Combine(state.Path, "agent.json"))).RootElement.GetProperty("nodeId").GetString()!;
        var root = Path.Combine(NpmProjectFixture.Path, "npm");
        await using (var first = AgentProcess.Start("run", "--state-dir", state.Path, "--root", root))
        {
            await api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}", n => n.GetProperty("status").GetString() == "online", TimeSpan.FromSeconds(30));
            first.KillHard();
        }

        await api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}", n => n.GetProperty("status").GetString() == "offline", TimeSpan.FromSeconds(30));
        using (var put = await api.Http.PutAsJsonAsync("/api/v1/workflows/scan-and-log", ScanAndLog(), VigilJson.Options))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        await api.PostJsonAsync("/api/v1/workflows/scan-and-log/publish", new { });
        await api.PostJsonAsync("/api/v1/workflows/scan-and-log/enable", new { });
        var instanceId = (await api.PostJsonAsync("/api/v1/workflows/scan-and-log/start", new { input = new { nodeId } })).GetProperty("instanceId").GetString()!;

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewSignedInPageAsync(host.BaseAddress);
        await page.GotoAsync($"/workflows/instances/{instanceId}");
        await Browser.WaitForInteractiveAsync(page);
        await page.EvaluateAsync("() => { window.vigilSamePage = true; }"); // gone if the page reloads
        var card = (string id) => page.Locator($".vigil-canvas g[data-cell-id='{id}'] .vigil-node-body");

        await Assertions.Expect(page.Locator("#instance-status")).ToHaveTextAsync("suspended");
        await Assertions.Expect(card("wait")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vigil-status-suspended"));
        await Assertions.Expect(page.Locator(".vigil-canvas g[data-cell-id='wait'] .vigil-node-status")).ToHaveTextAsync("⏸ waiting");
        await Assertions.Expect(card("scan")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vigil-status-completed"));
        await Assertions.Expect(card("log")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vigil-status-"));
        await Assertions.Expect(page.Locator(".vigil-canvas .vigil-edge-taken")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#journal .vigil-journal-entry")).ToHaveCountAsync(3);
        await Browser.ScreenshotAsync(page, "instance-viewer-scan-waiting");

        // The agent comes back, takes the queued scan and uploads its SBOM: the open page follows by itself.
        await using var agent = AgentProcess.Start("run", "--state-dir", state.Path, "--root", root);
        await Assertions.Expect(page.Locator("#instance-status")).ToHaveTextAsync("finished", new() { Timeout = 90_000 });
        await Assertions.Expect(card("wait")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vigil-status-completed"));
        await Assertions.Expect(card("log")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("vigil-status-completed"));
        await Assertions.Expect(page.Locator(".vigil-canvas .vigil-edge-taken")).ToHaveCountAsync(3);
        var journal = page.Locator("#journal");
        await Assertions.Expect(journal.Locator(".vigil-journal-entry b")).ToHaveTextAsync(["start", "scan", "wait", "wait", "log"]);
        await Assertions.Expect(journal).ToContainTextAsync("Completed");
        await Assertions.Expect(journal).ToContainTextAsync("(resumed)");
        Assert.True(await page.EvaluateAsync<bool>("() => window.vigilSamePage === true"), "the viewer updated without a reload");
        await Browser.ScreenshotAsync(page, "instance-viewer-scan-finished");
    }

    /// <summary>Manual start with a node id → Start scan → Wait for scan → Log the scan's summary.</summary>
    private static object ScanAndLog() => new
    {
        id = "scan-and-log",
        name = "Scan a node and log the result",
        activities = new object[]
        {
            new { id = "start", type = "Vigil.Manual", inputs = new { }, designer = new { x = 40, y = 60 } },
            new { id = "scan", type = "Vigil.StartScan", inputs = new { nodeIds = new { kind = "js", value = "[input.nodeId]" } }, designer = new { x = 340, y = 60 } },
            new { id = "wait", type = "Vigil.WaitForScan", inputs = new { scanId = new { kind = "js", value = "activities.scan.outputs.scanId" } }, designer = new { x = 640, y = 60 } },
            new { id = "log", type = "Vigil.Log", inputs = new { message = new { kind = "js", value = "'scanned: ' + JSON.stringify(activities.wait.outputs.event.summary)" } }, designer = new { x = 940, y = 60 } },
        },
        connections = new[]
        {
            new { source = "start", sourceOutcome = "Done", target = "scan" },
            new { source = "scan", sourceOutcome = "Done", target = "wait" },
            new { source = "wait", sourceOutcome = "Completed", target = "log" },
        },
    };
}
