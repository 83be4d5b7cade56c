using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Vigil.Testing;

namespace Vigil.Agent.Tests;

/// <summary>A real <c>vigil-agent</c> process against a real dashboard: enrollment, presence, faults.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AgentProcessTests(AgentConsoleFixture console) : IClassFixture<AgentConsoleFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Enrolled_agent_comes_online_with_facts_registers_once_and_goes_offline_when_killed()
    {
        using var state = new TempDirectory("vigil-agent-state");
        var token = await console.CreateTokenAsync(new { description = "lifecycle", labels = new Dictionary<string, string> { ["env"] = "test" } });

        var (exitCode, output) = await AgentProcess.RunAsync(
            "enroll", "--console", console.Host.BaseAddress.ToString(), "--token", token, "--name", "web-01", "--labels", "role=web,env=prod", "--state-dir", state.Path);
        Assert.True(exitCode == 0, output);
        var stateFile = Path.Combine(state.Path, "agent.json");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stateFile));
        var nodeId = System.Text.Json.JsonDocument.Parse(File.ReadAllText(stateFile)).RootElement.GetProperty("nodeId").GetString()!;

        var enrolled = await console.NodeAsync(nodeId);
        Assert.Equal("offline", enrolled.GetProperty("status").GetString());
        Assert.Equal("web-01", enrolled.GetProperty("name").GetString());
        Assert.Equal("host", enrolled.GetProperty("type").GetString());
        Assert.Equal("test", enrolled.GetProperty("labels").GetProperty("env").GetString()); // the token's label wins
        Assert.Equal("web", enrolled.GetProperty("labels").GetProperty("role").GetString());

        await using (var agent = AgentProcess.Start("run", "--state-dir", state.Path))
        {
            var online = await console.WaitForNodeAsync(nodeId, n => n.GetProperty("status").GetString() == "online", Patience, () => agent.Output);
            var facts = online.GetProperty("facts");
            Assert.Equal(Environment.MachineName, facts.GetProperty("hostname").GetString());
            Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), facts.GetProperty("kernel").GetString());
            Assert.Equal(Facts.HostFactsCollector.Architecture(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture), facts.GetProperty("architecture").GetString());
            var osRelease = Scanning.Catalogers.OsReleaseReader.Parse(File.ReadAllText("/etc/os-release"))!;
            Assert.Equal(osRelease.Id, facts.GetProperty("os").GetProperty("id").GetString());
            Assert.Equal(osRelease.VersionId, facts.GetProperty("os").GetProperty("versionId").GetString());
            var addresses = facts.GetProperty("ipAddresses").EnumerateArray().Select(a => a.GetString()!).ToList();
            Assert.Equal(Facts.HostFactsCollector.IpAddresses().OrderBy(a => a), addresses.OrderBy(a => a));
            Assert.DoesNotContain("127.0.0.1", addresses);
            Assert.True(online.GetProperty("lastSeen").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-10));

            // Heartbeats keep it online well past the offline timeout.
            await Task.Delay(AgentConsoleFixture.OfflineAfter + TimeSpan.FromSeconds(1.5));
            Assert.Equal("online", (await console.NodeAsync(nodeId)).GetProperty("status").GetString());

            agent.KillHard();
        }

        var killedAt = DateTime.UtcNow;
        await console.WaitForNodeAsync(nodeId, n => n.GetProperty("status").GetString() == "offline", Patience);
        Assert.True(DateTime.UtcNow - killedAt >= AgentConsoleFixture.OfflineAfter - TimeSpan.FromSeconds(1.5), "went offline before the heartbeat timeout");

        // A restarted agent reconnects: online again, but it is the same node and not registered a second time.
        await using (var again = AgentProcess.Start("run", "--state-dir", state.Path))
        {
            await console.WaitForNodeAsync(nodeId, n => n.GetProperty("status").GetString() == "online", Patience, () => again.Output);
        }

        var events = await WaitForEventsAsync(nodeId, e => e.Count(t => t == "NodeOnline") == 2);
        Assert.Equal(1, events.Count(t => t == "NodeRegistered"));
        Assert.Equal(1, events.Count(t => t == "NodeOffline"));
        Assert.Equal(["AgentEnrolled", "NodeRegistered", "NodeOnline", "NodeOffline", "NodeOnline"], events);
    }

    [Fact]
    public async Task A_reused_enrollment_token_is_refused_with_the_reason()
    {
        using var first = new TempDirectory("vigil-agent-state");
        using var second = new TempDirectory("vigil-agent-state");
        var token = await console.CreateTokenAsync();

        var enrolled = await AgentProcess.RunAsync("enroll", "--console", console.Host.BaseAddress.ToString(), "--token", token, "--state-dir", first.Path);
        var reused = await AgentProcess.RunAsync("enroll", "--console", console.Host.BaseAddress.ToString(), "--token", token, "--state-dir", second.Path);

        Assert.True(enrolled.ExitCode == 0, enrolled.Output);
        Assert.Equal(2, reused.ExitCode);
        Assert.Contains("401", reused.Output, StringComparison.Ordinal);
        Assert.Contains("already been used", reused.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(second.Path, "agent.json")));
    }

    [Fact]
    public async Task Revoking_the_credential_disconnects_the_running_agent_and_it_stops_with_code_3()
    {
        using var state = new TempDirectory("vigil-agent-state");
        var token = await console.CreateTokenAsync();
        var (exitCode, output) = await AgentProcess.RunAsync("enroll", "--console", console.Host.BaseAddress.ToString(), "--token", token, "--name", "to-revoke", "--state-dir", state.Path);
        Assert.True(exitCode == 0, output);
        var stateJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(state.Path, "agent.json"))).RootElement;
        var nodeId = stateJson.GetProperty("nodeId").GetString()!;
        var credential = stateJson.GetProperty("credential").GetString()!;

        await using var agent = AgentProcess.Start("run", "--state-dir", state.Path);
        await console.WaitForNodeAsync(nodeId, n => n.GetProperty("status").GetString() == "online", Patience, () => agent.Output);

        using var admin = console.Host.Api();
        using var revoke = await admin.Http.DeleteAsync($"/api/v1/nodes/{nodeId}/credential");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        // Disconnected at once (not at the next reconnect attempt), then refused: the agent gives up with code 3.
        Assert.Equal(3, await agent.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("refused this agent's credential", agent.Output, StringComparison.Ordinal);

        await using var replay = new HubConnectionBuilder()
            .WithUrl(new Uri(console.Host.BaseAddress, "/hubs/agent"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(credential))
            .Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => replay.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Labelling_and_removing_a_node_is_on_its_timeline_and_in_the_audit_log_and_stops_its_agent()
    {
        using var state = new TempDirectory("vigil-agent-state");
        var token = await console.CreateTokenAsync();
        var (exitCode, output) = await AgentProcess.RunAsync("enroll", "--console", console.Host.BaseAddress.ToString(), "--token", token, "--name", "to-remove", "--state-dir", state.Path);
        Assert.True(exitCode == 0, output);
        var nodeId = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(state.Path, "agent.json"))).RootElement.GetProperty("nodeId").GetString()!;
        await using var agent = AgentProcess.Start("run", "--state-dir", state.Path);
        await console.WaitForNodeAsync(nodeId, n => n.GetProperty("status").GetString() == "online", Patience, () => agent.Output);
        using var admin = console.Host.Api();

        using var badLabel = await admin.Http.PutAsJsonAsync($"/api/v1/nodes/{nodeId}/labels/-bad", new { value = "x" });
        using var label = await admin.Http.PutAsJsonAsync($"/api/v1/nodes/{nodeId}/labels/vigil/approved", new { value = "false" });
        using var noReason = await admin.Http.PostAsJsonAsync($"/api/v1/nodes/{nodeId}/remove", new { reason = " " });
        using var remove = await admin.Http.PostAsJsonAsync($"/api/v1/nodes/{nodeId}/remove", new { reason = "decommissioned" });

        Assert.Equal(HttpStatusCode.BadRequest, badLabel.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, label.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(3, await agent.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        var node = await console.NodeAsync(nodeId);
        Assert.Equal("removed", node.GetProperty("status").GetString());
        Assert.Equal("false", node.GetProperty("labels").GetProperty("vigil/approved").GetString());

        var timeline = await admin.WaitForJsonAsync($"/api/v1/nodes/{nodeId}/timeline",
            t => t.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "NodeRemoved"));
        var types = timeline.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["NodeRemoved", "NodeLabelled", "NodeOnline", "NodeRegistered", "AgentEnrolled"], types);
        var audit = await admin.GetJsonAsync("/api/v1/audit?action=Node%20removed");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == "to-remove");
        Assert.Equal("decommissioned", entry.GetProperty("detail").GetString());
        Assert.Equal("key:bootstrap", entry.GetProperty("actor").GetString());
    }

    private async Task<IReadOnlyList<string>> WaitForEventsAsync(string nodeId, Func<IReadOnlyList<string>, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        IReadOnlyList<string> events;
        do
        {
            events = await console.EventTypesOfNodeAsync(nodeId);
            if (condition(events))
            {
                return events;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        return events;
    }
}
