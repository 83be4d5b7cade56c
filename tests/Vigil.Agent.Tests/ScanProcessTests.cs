using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Events;
using Vigil.Core.Storage;
using Vigil.Dashboard.Feeds;
using Vigil.Testing;
using Vigil.Testing.Fixtures;
using static Vigil.Agent.Tests.ScanConsoleFixture;

namespace Vigil.Agent.Tests;

/// <summary>Real agents scan real vulnerable trees through the API; the console matches against the shared OSV data.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ScanProcessTests(ScanConsoleFixture console) : IClassFixture<ScanConsoleFixture>
{
    private DashboardHost Host => console.Host;

    [Fact]
    public async Task An_agent_scan_finds_the_vulnerable_lodash_keeps_the_SBOM_and_a_feed_update_changes_findings_without_a_rescan()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture");
        using var state = new TempDirectory("vigil-agent-state");
        var nodeId = await EnrollAsync(Host, "npm-01", state.Path);
        await using var agent = AgentProcess.Start("run", "--state-dir", state.Path, "--root", Path.Combine(NpmProjectFixture.Path, "npm"), "--capabilities", "scanner");
        var node = await WaitForOnlineAsync(nodeId, agent);
        Assert.Equal(["scanner"], node.GetProperty("facts").GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Array, node.GetProperty("facts").GetProperty("listeningPorts").ValueKind);

        var scanId = (await StartScanAsync(Host, nodeId)).GetProperty("id").GetString()!;
        var scan = await WaitForScanAsync(Host, scanId, s => HasStatus(s, "complete") || HasStatus(s, "failed"), () => agent.Output);
        Assert.True(HasStatus(scan, "complete"), scan.ToString());
        Assert.Equal(100, scan.GetProperty("progress").GetInt32());
        Assert.Equal(Host.Services.GetRequiredService<ConsoleFeed>().CurrentSnapshotId, scan.GetProperty("snapshotId").GetString());
        Assert.True(scan.GetProperty("componentCount").GetInt32() >= 3, scan.ToString());

        // NSWG-ECO-516 (shared npm feed): lodash >= 4.17.15 < 4.17.19, CVSS 3.0 vector scoring 6.3 (medium).
        using var api = Host.Api();
        var lodash = await api.GetJsonAsync($"/api/v1/scans/{scanId}/findings?package=lodash");
        // One finding per location the package was found at (the lockfile and node_modules).
        var finding = lodash.GetProperty("items").EnumerateArray().First(f => f.GetProperty("id").GetString() == "NSWG-ECO-516");
        Assert.Equal("4.17.15", finding.GetProperty("package").GetProperty("version").GetString());
        Assert.Equal("pkg:npm/lodash@4.17.15", finding.GetProperty("package").GetProperty("purl").GetString());
        Assert.Equal("medium", finding.GetProperty("severity").GetString());
        Assert.Contains("4.17.19", finding.GetProperty("fixedVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.StartsWith("NSWG-ECO-516|pkg:npm/lodash@4.17.15|", finding.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.True(scan.GetProperty("summary").GetProperty("medium").GetInt32() >= 1, scan.ToString());

        // Every finding names an advisory that exists in the feed and affects the package it names.
        var all = await api.GetJsonAsync($"/api/v1/scans/{scanId}/findings?take=1000");
        using (var lease = Host.Services.GetRequiredService<ConsoleFeed>().Acquire()!)
        {
            foreach (var item in all.GetProperty("items").EnumerateArray())
            {
                var name = item.GetProperty("package").GetProperty("name").GetString();
                Assert.Contains(lease.Snapshot.FindById(item.GetProperty("id").GetString()!), advisory => advisory.Affected.Any(a => a.Package.Name == name));
            }
        }

        var sbom = await Host.CreateClient(Host.AdminApiKey).GetStringAsync($"/api/v1/scans/{scanId}/sbom");
        Assert.Equal("CycloneDX", JsonDocument.Parse(sbom).RootElement.GetProperty("bomFormat").GetString());
        Assert.Contains("pkg:npm/lodash@4.17.15", sbom, StringComparison.Ordinal);

        var details = await api.GetJsonAsync($"/api/v1/nodes/{nodeId}");
        Assert.Equal(scanId, details.GetProperty("lastScan").GetProperty("id").GetString());
        Assert.Equal(scanId, details.GetProperty("assessment").GetProperty("sbomScanId").GetString());
        // Node presence events may interleave on a loaded machine (1 s heartbeats); the scan's own are exact and ordered.
        Assert.Equal(["ScanQueued", "ScanStarted", "ScanCompleted", "FindingsChanged"], (await EventTypesAsync(nodeId)).Where(t => t.StartsWith("Scan", StringComparison.Ordinal) || t == "FindingsChanged"));

        // Continuous assessment: a test-written advisory for minimist 1.2.5 reaches the node's findings with no rescan.
        using var feedDir = new TempDirectory("vigil-test-feed");
        File.WriteAllText(feedDir.Combine("VIGIL-TEST-0001.json"), """
            {"schema_version":"1.6.0","id":"VIGIL-TEST-0001","modified":"2026-01-01T00:00:00Z","aliases":["CVE-2099-0001"],
             "summary":"Test advisory for minimist","severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
             "affected":[{"package":{"ecosystem":"npm","name":"minimist"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.2.6"}]}]}]}
            """);
        var feed = Host.Services.GetRequiredService<ConsoleFeed>();
        var imported = await feed.Store.ImportAsync([feedDir.Path]);
        var snapshotId = feed.CurrentSnapshotId!;
        Assert.NotEqual(scan.GetProperty("snapshotId").GetString(), snapshotId);
        await Host.Services.GetRequiredService<EventOutbox>().PublishAsync(new FeedUpdated(snapshotId, 1, 0, 0));

        var deadline = DateTime.UtcNow + Patience;
        JsonElement current;
        do
        {
            current = await api.GetJsonAsync($"/api/v1/nodes/{nodeId}/findings?search=CVE-2099-0001");
            await Task.Delay(100);
        }
        while (current.GetProperty("total").GetInt32() == 0 && DateTime.UtcNow < deadline);
        var added = current.GetProperty("items")[0];
        Assert.Equal("VIGIL-TEST-0001", added.GetProperty("id").GetString());
        Assert.Equal("critical", added.GetProperty("severity").GetString());

        var changed = await PayloadsAsync(nodeId, "FindingsChanged");
        var byFeed = changed.Single(c => c.GetProperty("snapshotId").GetString() == snapshotId);
        Assert.False(byFeed.TryGetProperty("scanId", out var noScan) && noScan.ValueKind != JsonValueKind.Null, byFeed.ToString());
        Assert.All(byFeed.GetProperty("added").EnumerateArray(), a => Assert.Equal("VIGIL-TEST-0001", a.GetProperty("id").GetString()));
        Assert.Equal(current.GetProperty("total").GetInt32(), byFeed.GetProperty("added").GetArrayLength());
        Assert.Empty(byFeed.GetProperty("removed").EnumerateArray());
        Assert.Equal(1, (await api.GetJsonAsync($"/api/v1/scans?nodeId={nodeId}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await api.GetJsonAsync($"/api/v1/scans/{scanId}/findings?search=CVE-2099-0001")).GetProperty("total").GetInt32());
        var assessment = (await api.GetJsonAsync($"/api/v1/nodes/{nodeId}")).GetProperty("assessment");
        Assert.Equal(snapshotId, assessment.GetProperty("snapshotId").GetString());
        Assert.Equal(current.GetProperty("total").GetInt32(), assessment.GetProperty("summary").GetProperty("critical").GetInt32());
        Assert.True(imported.Imported >= 1);
    }

    [Fact]
    public async Task Cancel_stops_the_agent_and_killing_the_agent_mid_scan_fails_the_scan_at_once_then_later_scans_work()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture");
        using var state = new TempDirectory("vigil-agent-state");
        var nodeId = await EnrollAsync(Host, "big-01", state.Path);
        using var api = Host.Api();

        // The whole machine as root: far more files than the seconds this test needs.
        await using (var agent = AgentProcess.Start("run", "--state-dir", state.Path, "--root", "/"))
        {
            await WaitForOnlineAsync(nodeId, agent);
            var first = (await StartScanAsync(Host, nodeId)).GetProperty("id").GetString()!;
            await WaitForScanAsync(Host, first, s => HasStatus(s, "running"), () => agent.Output);
            var cancelled = await api.PostJsonAsync($"/api/v1/scans/{first}/cancel", new { });
            Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
            await WaitUntilAsync(() => agent.Output.Contains($"Scan {first} cancelled by the console", StringComparison.Ordinal), () => agent.Output);
            using var again = await api.Http.PostAsync($"/api/v1/scans/{first}/cancel", null);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

            var second = (await StartScanAsync(Host, nodeId)).GetProperty("id").GetString()!;
            Assert.NotEqual(first, second);
            await WaitForScanAsync(Host, second, s => HasStatus(s, "running"), () => agent.Output);
            agent.KillHard();
            var killedAt = DateTime.UtcNow;
            var failed = await WaitForScanAsync(Host, second, s => !HasStatus(s, "running"), () => agent.Output);
            Assert.True(HasStatus(failed, "failed"), failed.ToString());
            Assert.Contains("lost its connection", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.True(DateTime.UtcNow - killedAt < TimeSpan.FromSeconds(10), "the scan waited for a timeout instead of failing at once");
        }

        await WaitForNodeStatusAsync(nodeId, "offline");

        // The same agent back with a small root: the next scan runs to the end.
        await using var back = AgentProcess.Start("run", "--state-dir", state.Path, "--root", Path.Combine(NpmProjectFixture.Path, "npm"));
        await WaitForOnlineAsync(nodeId, back);
        var third = (await StartScanAsync(Host, nodeId)).GetProperty("id").GetString()!;
        var done = await WaitForScanAsync(Host, third, s => HasStatus(s, "complete") || HasStatus(s, "failed"), () => back.Output);
        Assert.True(HasStatus(done, "complete"), done.ToString());
    }

    [Fact]
    public async Task Parallel_scan_requests_for_one_node_start_exactly_one_scan()
    {
        using var state = new TempDirectory("vigil-agent-state");
        var nodeId = await EnrollAsync(Host, "race-01", state.Path);

        // No agent runs, so the scan stays queued while every request races for the node.
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => StartScanAsync(Host, nodeId))));
        var ids = answers.Select(a => a.GetProperty("id").GetString()).Distinct().ToList();
        Assert.Single(ids);
        Assert.All(answers, a => Assert.Equal("queued", a.GetProperty("status").GetString()));
        using var api = Host.Api();
        Assert.Equal(1, (await api.GetJsonAsync($"/api/v1/scans?nodeId={nodeId}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await EventTypesAsync(nodeId)).Count(t => t == "ScanQueued"));

        Assert.Equal("cancelled", (await api.PostJsonAsync($"/api/v1/scans/{ids[0]}/cancel", new { })).GetProperty("status").GetString());
        var next = (await StartScanAsync(Host, nodeId)).GetProperty("id").GetString();
        Assert.NotEqual(ids[0], next);
        await api.PostJsonAsync($"/api/v1/scans/{next}/cancel", new { });
    }

    private async Task<JsonElement> WaitForOnlineAsync(string nodeId, AgentProcess agent) =>
        await WaitForNodeStatusAsync(nodeId, "online", () => agent.Output);

    private async Task<JsonElement> WaitForNodeStatusAsync(string nodeId, string status, Func<string>? context = null)
    {
        using var api = Host.Api();
        var node = await api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}", n => n.GetProperty("status").GetString() == status, Patience);
        Assert.True(node.GetProperty("status").GetString() == status, $"Node {nodeId} did not become {status}; last: {node} {context?.Invoke()}");
        return node;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> context)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, context());
            await Task.Delay(100);
        }
    }

    private async Task<IReadOnlyList<string>> EventTypesAsync(string nodeId)
    {
        await using var connection = await Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<string>(
            "SELECT type FROM outbox_events WHERE payload LIKE @pattern ORDER BY seq", new { pattern = $"%\"nodeId\":\"{nodeId}\"%" })).ToList();
    }

    private async Task<IReadOnlyList<JsonElement>> PayloadsAsync(string nodeId, string type)
    {
        await using var connection = await Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var payloads = await connection.QueryAsync<string>(
            "SELECT payload FROM outbox_events WHERE type = @type AND payload LIKE @pattern ORDER BY seq", new { type, pattern = $"%\"nodeId\":\"{nodeId}\"%" });
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    }
}
