using System.Text;
using System.Text.Json;
using Vigil.Core.Scans;
using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>
/// Registry scans handed to real <c>vigil-agent --capabilities scanner</c> processes: the agent pulls the image from a
/// real <c>docker-registry</c> with basic auth, using the login the plugin gives for that scan alone.
/// </summary>
public sealed class RegistryScansOnAgentsTests(ScannerAgentFixture fixture) : IClassFixture<ScannerAgentFixture>
{
    [Fact]
    public async Task A_scanner_agent_pulls_the_image_and_the_console_pulls_nothing_nor_keeps_the_login()
    {
        Assert.SkipUnless(ScannerAgentFixture.Available, "needs docker-registry, skopeo, htpasswd, umoci");
        using var api = fixture.Host.Api();
        await using var agent = await fixture.StartScannerAgentAsync("scanner-one");
        var registry = await fixture.CreateRegistryAsync(api, "private one");
        var consoleBlobs = fixture.ConsoleCachedBlobs();
        var pulledBefore = fixture.Proxy.BlobsPulled.Count;

        var scan = await ScanAsync(api, registry, "team/app", "1");
        var findings = await api.GetJsonAsync($"/api/v1/scans/{scan.GetProperty("id").GetString()}/findings");

        Assert.Equal(agent.NodeId, ScannerOf(scan));
        Assert.True(findings.GetProperty("total").GetInt32() > 0, "the image's packages have no findings");
        Assert.Contains(fixture.Proxy.BlobsPulled.Skip(pulledBefore), FixtureLayers.IsLayer); // the layers were pulled from the registry...
        Assert.Equal(consoleBlobs, fixture.ConsoleCachedBlobs()); // ... by the agent: nothing entered the console's layer cache

        // The digest's SBOM is kept: scanning it again re-matches in the console, with no agent and no pull.
        pulledBefore = fixture.Proxy.BlobsPulled.Count;
        var again = await ScanAsync(api, registry, "team/app", "1");
        Assert.Null(ScannerOf(again));
        Assert.DoesNotContain(fixture.Proxy.BlobsPulled.Skip(pulledBefore), FixtureLayers.IsLayer);

        // The login went to the agent for the scan only: not into the database, the agent's state or its log.
        Assert.Empty(FilesContaining(fixture.Host.DataDirectory, RegistryServerFixture.Password));
        Assert.Empty(FilesContaining(agent.StateDirectory, RegistryServerFixture.Password));
        Assert.DoesNotContain(RegistryServerFixture.Password, agent.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scanner_agent_killed_mid_pull_fails_its_scan_and_without_scanner_agents_the_console_pulls()
    {
        Assert.SkipUnless(ScannerAgentFixture.Available, "needs docker-registry, skopeo, htpasswd, umoci");
        using var api = fixture.Host.Api();
        var registry = await fixture.CreateRegistryAsync(api, "private two");
        await using var agent = await fixture.StartScannerAgentAsync("scanner-two");
        fixture.Proxy.BlobDelay = TimeSpan.FromSeconds(2);
        try
        {
            var id = await RequestAsync(api, registry, "team/app", "2", force: true);
            await api.WaitForJsonAsync($"/api/v1/scans/{id}", s => s.TryGetProperty("stage", out var stage) && stage.GetString() == "pulling"
                && ScannerOf(s) == agent.NodeId, TimeSpan.FromSeconds(60));
            await agent.DisposeAsync(); // SIGKILL, then the console lets the connection go

            var failed = await api.WaitForJsonAsync($"/api/v1/scans/{id}", s => s.GetProperty("status").GetString() == "failed", TimeSpan.FromSeconds(30));
            Assert.Equal(ScanFailures.ScannerAgentLost("scanner-two"), failed.GetProperty("error").GetString());
        }
        finally
        {
            fixture.Proxy.BlobDelay = TimeSpan.Zero;
        }

        var pulledBefore = fixture.Proxy.BlobsPulled.Count;
        var inConsole = await ScanAsync(api, registry, "team/app", "2", force: true);
        Assert.Null(ScannerOf(inConsole)); // no scanner agent left: the console pulled it (forced, so not from its cache)
        Assert.Contains(fixture.Proxy.BlobsPulled.Skip(pulledBefore), FixtureLayers.IsLayer);
    }

    /// <summary>The scanner agent's node, absent from the JSON when the console scanned.</summary>
    private static string? ScannerOf(JsonElement scan) => scan.TryGetProperty("scannerNodeId", out var node) ? node.GetString() : null;

    private static async Task<string> RequestAsync(VigilApiClient api, string registry, string repository, string tag, bool force = false)
    {
        var answer = await api.PostJsonAsync($"/api/v1/registries/{registry}/scans", new { repository, tags = new[] { tag }, force });
        return answer.GetProperty("scans")[0].GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ScanAsync(VigilApiClient api, string registry, string repository, string tag, bool force = false) =>
        await ScanData.WaitForCompletionAsync(api.Http, await RequestAsync(api, registry, repository, tag, force), TimeSpan.FromSeconds(120));

    private static List<string> FilesContaining(string directory, string secret)
    {
        var needle = Encoding.UTF8.GetBytes(secret);
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 256 * 1024 * 1024 && File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0)
            .ToList();
    }
}
