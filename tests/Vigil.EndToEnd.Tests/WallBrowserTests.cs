using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;
using Vigil.Dashboard.Hubs;
using Vigil.Dashboard.Scans;
using Vigil.Scanning.CycloneDx;
using Vigil.Testing;

namespace Vigil.EndToEnd.Tests;

/// <summary>The monitoring wall and the scans report in real Chromium, fed by real scans matched against the shared feeds.</summary>
public sealed class WallBrowserTests
{
    [Fact]
    public async Task The_wall_shows_a_scan_progress_live_and_the_report_shows_its_findings()
    {
        await using var host = await DashboardHost.StartAsync();
        using var api = host.Api();
        await ScanData.ImportFeedsAsync(host);
        var sbom = await ScanData.VulnerableSbomAsync();
        foreach (var name in new[] { "shop-api", "billing-api" })
        {
            await ScanData.WaitForCompletionAsync(api.Http, await ScanData.PushAsync(api.Http, name, sbom));
        }

        // Agent-side scanning is not in this branch yet: the test reports progress the way the agent hub does
        // (ScanStore, then the live UI stream) and hands the SBOM to the matching queue as an agent upload does.
        var scans = host.Services.GetRequiredService<ScanStore>();
        var live = host.Services.GetRequiredService<UiEventStream>();
        var nodeId = await host.Services.GetRequiredService<PushedNodes>().FindOrCreateAsync(NodeType.Application, "checkout-web");
        var scan = (await scans.QueueAsync(nodeId, DashboardHost.AdminEmail))!.Scan;

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(host.BaseAddress);
        await Browser.SignInAsync(page);
        await page.GotoAsync("/");
        await Browser.WaitForInteractiveAsync(page);
        // A real agent connects while the wall is open: the online count follows without a reload.
        var online = page.Locator("[data-tile=online] .vigil-wall-tile-value");
        await Assertions.Expect(online).ToHaveTextAsync("0");
        var token = (await api.PostJsonAsync("/api/v1/enrollment-tokens", new { })).GetProperty("token").GetString()!;
        using var state = new TempDirectory("vigil-agent-state");
        var (exitCode, output) = await AgentProcess.RunAsync("enroll", "--console", host.BaseAddress.ToString(), "--token", token, "--name", "edge-gateway-1", "--state-dir", state.Path);
        Assert.True(exitCode == 0, output);
        await using var agent = AgentProcess.Start("run", "--state-dir", state.Path);
        await Assertions.Expect(online).ToHaveTextAsync("1", new() { Timeout = 20_000 });

        var bar = page.Locator($"[data-scan-id='{scan.Id}']");
        await Assertions.Expect(bar).ToContainTextAsync("queued");
        // The two pushed applications' findings are counted across the fleet.
        await Assertions.Expect(page.Locator(".vigil-wall-panel-head", new() { HasTextString = "Open findings" })).ToContainTextAsync(new Regex(@"\b[1-9]\d* total"));

        foreach (var (stage, percent) in new[] { ("cataloging", 20), ("uploading", 65) })
        {
            Assert.True(await scans.ReportProgressAsync(scan.Id, nodeId, stage, percent));
            await live.HandleAsync(new ScanProgressed(scan.Id, nodeId, stage, percent), CancellationToken.None);
            await Assertions.Expect(bar).ToHaveAttributeAsync("data-percent", percent.ToString());
            await Assertions.Expect(bar).ToContainTextAsync(stage);
            await Assertions.Expect(bar.Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", percent.ToString());
        }

        await Browser.ScreenshotAsync(page, "wall");
        await page.EvaluateAsync("() => localStorage.setItem('vigil.theme', 'dark')");
        await page.ReloadAsync();
        await Browser.WaitForInteractiveAsync(page);
        await Assertions.Expect(bar).ToHaveAttributeAsync("data-percent", "65");
        await Browser.ScreenshotAsync(page, "wall-dark");

        var json = Encoding.UTF8.GetBytes(sbom);
        Assert.True(await host.Services.GetRequiredService<ScanResults>().StoreSbomAsync(scan.Id, nodeId, SbomIntake.Compress(json)));
        await host.Services.GetRequiredService<ScanMatchQueue>().EnqueueAsync(new ScanMatchJob(scan.Id, nodeId, CycloneDxReader.Read(sbom).Document), CancellationToken.None);
        await Assertions.Expect(bar).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var done = page.Locator(".vigil-wall-feed a", new() { HasTextString = "Scan of checkout-web complete" });
        await Assertions.Expect(done).ToHaveCountAsync(1);

        await done.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/scans/{scan.Id}$")); // an in-page navigation: no load event
        await Browser.WaitForInteractiveAsync(page);
        var findings = page.Locator("#findings-table");
        await Assertions.Expect(findings).ToContainTextAsync("lodash");
        await Assertions.Expect(findings).ToContainTextAsync("4.17.15");
        await Browser.ScreenshotAsync(page, "scan-report");

        var rows = findings.Locator("tbody tr");
        var before = await rows.CountAsync();
        await page.FillAsync("input#finding-package", "lodash");
        await Assertions.Expect(rows.Filter(new() { HasNotTextString = "lodash" })).ToHaveCountAsync(0);
        Assert.InRange(await rows.CountAsync(), 1, before - 1);

        await page.EvaluateAsync("() => localStorage.setItem('vigil.theme', 'light')");
        await page.GotoAsync("/scans");
        await Browser.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#scans-table")).ToContainTextAsync("checkout-web");
        await Browser.ScreenshotAsync(page, "scans");
    }
}
