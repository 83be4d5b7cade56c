using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Testing;
using Vigil.Testing.Fixtures;
using static Vigil.Agent.Tests.ScanConsoleFixture;

namespace Vigil.Agent.Tests;

/// <summary>
/// Containers of a real podman (its Docker-compatible API on a unix socket) discovered by a real agent: each becomes a
/// container node under its host, is scanned through <c>/proc/&lt;pid&gt;/root</c> and is marked removed once gone.
/// </summary>
public sealed class ContainerProcessTests(ScanConsoleFixture console) : IClassFixture<ScanConsoleFixture>
{
    private DashboardHost Host => console.Host;

    [Fact]
    public async Task A_podman_container_becomes_a_node_under_its_host_is_scanned_through_its_root_and_is_removed_when_it_stops()
    {
        Assert.SkipWhen(PodmanService.Unavailable is not null, PodmanService.Unavailable ?? "");
        using var podman = new PodmanService();
        var containerId = podman.Run($"vigil-shop-{Guid.NewGuid():N}"[..24], ("team", "shop"));
        using var state = new TempDirectory("vigil-agent-state");
        using var root = new TempDirectory("vigil-agent-root");
        var hostName = $"container-host-{Guid.NewGuid():N}"[..24];
        var hostId = await EnrollAsync(Host, hostName, state.Path);
        await using var agent = AgentProcess.Start("run", "--state-dir", state.Path, "--root", root.Path, "--container-socket", podman.Socket);
        using var api = Host.Api();

        var listed = await api.WaitForJsonAsync("/api/v1/nodes?type=container&label=team=shop", n => Containers(n, hostId).Any(), Patience);
        var container = Assert.Single(Containers(listed, hostId));
        Assert.Equal("online", container.GetProperty("status").GetString());
        Assert.Equal(containerId, container.GetProperty("facts").GetProperty("containerId").GetString());
        Assert.Equal(PodmanService.Image, container.GetProperty("facts").GetProperty("image").GetString());
        var containerNodeId = container.GetProperty("id").GetString()!;

        // The Nodes page names the host that runs the container and the image it runs.
        await using (var browser = await Browser.LaunchAsync())
        {
            var page = await browser.NewSignedInPageAsync(Host.BaseAddress);
            await page.GotoAsync("/nodes");
            await Browser.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("#nodes-table .node-container-of").First).ToContainTextAsync($"on {hostName} · {PodmanService.Image}");
            await Browser.ScreenshotAsync(page, "nodes-containers");
        }

        var scanId = (await StartScanAsync(Host, containerNodeId)).GetProperty("id").GetString()!;
        var scan = await WaitForScanAsync(Host, scanId, s => HasStatus(s, "complete") || HasStatus(s, "failed"), () => agent.Output);
        Assert.True(HasStatus(scan, "complete"), scan.ToString());
        Assert.Equal(hostId, scan.GetProperty("scannerNodeId").GetString()); // the host's agent read the container's files
        // The SBOM is the container's: the image's npm project (lodash 4.17.20 under /srv/app), which neither the
        // agent's own (empty) root nor the host has, and the image's Go binary.
        var sbom = await api.GetJsonAsync($"/api/v1/scans/{scanId}/sbom");
        var purls = sbom.GetProperty("components").EnumerateArray().Select(c => c.TryGetProperty("purl", out var purl) ? purl.GetString() : null).ToList();
        Assert.Contains("pkg:npm/lodash@4.17.20", purls);
        Assert.Contains(purls, p => p?.StartsWith("pkg:golang/", StringComparison.Ordinal) == true);
        Assert.False(Directory.Exists("/srv/app/node_modules/lodash"), "the host itself has the image's project: the test proves nothing");

        PodmanService.Remove(containerId);
        var removed = await api.WaitForJsonAsync($"/api/v1/nodes/{containerNodeId}", n => n.GetProperty("status").GetString() == "removed", Patience);
        Assert.Equal("removed", removed.GetProperty("status").GetString());
    }

    private static IEnumerable<JsonElement> Containers(JsonElement page, string hostId) =>
        page.GetProperty("items").EnumerateArray().Where(n => n.TryGetProperty("parentId", out var parent) && parent.GetString() == hostId);
}
