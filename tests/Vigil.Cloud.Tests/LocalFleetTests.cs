using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Agents;
using Vigil.Core.Audit;
using Vigil.Core.Json;
using Vigil.Dashboard.Cloud;
using Vigil.Testing;
using Vigil.Workflows.Contracts;

namespace Vigil.Cloud.Tests;

/// <summary>
/// The local fleet plugin in a real dashboard with real vigil-agent processes, and the console's removal path
/// through it: terminate, quarantine, the policy rule for flows, unconfirmed nodes, and retries.
/// </summary>
public sealed class LocalFleetTests(LocalFleetFixture fleet) : IClassFixture<LocalFleetFixture>
{
    private VigilApiClient Api => fleet.Api;

    [Fact]
    public async Task Launched_instances_are_running_agents_that_the_fleet_confirms_as_the_nodes_machines()
    {
        var nodeId = fleet.SharedNode;
        var record = fleet.InstanceOf(nodeId)!.Value;
        Assert.True(LocalFleetFixture.ProcessAlive(record.GetProperty("processId").GetInt32()));

        var cloud = await Api.GetJsonAsync($"/api/v1/nodes/{nodeId}/cloud");
        Assert.Equal(LocalFleetFixture.FleetName, cloud.GetProperty("integrationName").GetString());
        Assert.Equal(record.GetProperty("id").GetString(), cloud.GetProperty("instanceId").GetString());
        Assert.Equal("running", cloud.GetProperty("instanceState").GetString());
        var node = await Api.GetJsonAsync($"/api/v1/nodes/{nodeId}");
        Assert.Equal(record.GetProperty("id").GetString(), node.GetProperty("labels").GetProperty("localfleet/instance").GetString());
    }

    [Fact]
    public async Task Terminating_stops_the_agent_deletes_its_state_and_the_audit_log_says_who_why_and_via_what()
    {
        var nodeId = fleet.TakeNode();
        var record = fleet.InstanceOf(nodeId)!.Value;
        var instanceId = record.GetProperty("id").GetString()!;

        var result = await Api.PostJsonAsync($"/api/v1/nodes/{nodeId}/cloud-removal", new { mode = "terminate", reason = "decommissioned by hand" });

        Assert.Equal($"Node terminated via {LocalFleetFixture.FleetName} ({instanceId}): the instance no longer exists.", result.GetProperty("action").GetString());
        Assert.False(LocalFleetFixture.ProcessAlive(record.GetProperty("processId").GetInt32()));
        Assert.False(Directory.Exists(Path.Combine(fleet.FleetDirectory, instanceId)));
        Assert.Equal("removed", (await Api.GetJsonAsync($"/api/v1/nodes/{nodeId}")).GetProperty("status").GetString());
        var removed = await TimelineEntryAsync(nodeId, "NodeRemoved");
        Assert.Equal($"{LocalFleetFixture.FleetName} ({instanceId})", removed.GetProperty("payload").GetProperty("via").GetString());
        var audit = await AuditAsync("Node removed", e => e.Detail?.Contains(instanceId, StringComparison.Ordinal) == true);
        Assert.DoesNotContain("workflow", audit.Actor, StringComparison.Ordinal);
        Assert.NotEqual("unknown", audit.Actor);
        Assert.Equal($"decommissioned by hand — via {LocalFleetFixture.FleetName} ({instanceId}): the instance no longer exists", audit.Detail);
    }

    [Fact]
    public async Task Quarantine_stops_the_agent_but_keeps_its_state_and_the_node()
    {
        var nodeId = fleet.TakeNode();
        var record = fleet.InstanceOf(nodeId)!.Value;
        var instanceId = record.GetProperty("id").GetString()!;

        var result = await Api.PostJsonAsync($"/api/v1/nodes/{nodeId}/cloud-removal", new { mode = "quarantine", reason = "suspicious" });

        Assert.Equal($"Node quarantined via {LocalFleetFixture.FleetName} ({instanceId}): the instance is quarantined.", result.GetProperty("action").GetString());
        Assert.False(LocalFleetFixture.ProcessAlive(record.GetProperty("processId").GetInt32()));
        var after = fleet.InstanceOf(nodeId)!.Value;
        Assert.Equal("quarantined", after.GetProperty("state").GetString());
        Assert.Equal("suspicious", after.GetProperty("reason").GetString());
        Assert.True(File.Exists(Path.Combine(fleet.FleetDirectory, instanceId, "state", "agent.json")));
        Assert.NotEqual("removed", (await Api.GetJsonAsync($"/api/v1/nodes/{nodeId}")).GetProperty("status").GetString());
        await TimelineEntryAsync(nodeId, "NodeQuarantined");
    }

    [Fact]
    public async Task A_flow_terminates_a_machine_only_from_behind_a_failed_policy()
    {
        var nodeId = fleet.TakeNode();
        var record = fleet.InstanceOf(nodeId)!.Value;
        var pid = record.GetProperty("processId").GetInt32();
        await SaveFlowAsync("unguarded", new[] { new { source = "start", sourceOutcome = "Done", target = "remove" } });
        await SaveFlowAsync("guarded", new[]
        {
            new { source = "start", sourceOutcome = "Done", target = "policy" },
            new { source = "policy", sourceOutcome = "Fail", target = "remove" },
        });
        var actions = fleet.Host.Services.GetRequiredService<INodeActions>();

        var refused = await actions.RemoveAsync(
            new NodeRemovalRequest(nodeId, NodeRemovalMode.Terminate, "new node failed", "workflow:i-1") { Workflow = new WorkflowOrigin("unguarded", "i-1", "remove") },
            TestContext.Current.CancellationToken);

        Assert.StartsWith("Refused: a flow may quarantine or terminate a node only after an Evaluate policy failed", refused, StringComparison.Ordinal);
        Assert.True(LocalFleetFixture.ProcessAlive(pid));
        await TimelineEntryAsync(nodeId, "NodeRemovalFailed");

        var done = await actions.RemoveAsync(
            new NodeRemovalRequest(nodeId, NodeRemovalMode.Terminate, "new node failed", "workflow:i-2") { Workflow = new WorkflowOrigin("guarded", "i-2", "remove") },
            TestContext.Current.CancellationToken);

        Assert.StartsWith("Node terminated via", done, StringComparison.Ordinal);
        Assert.False(LocalFleetFixture.ProcessAlive(pid));
        var audit = await AuditAsync("Node removed", e => e.Actor == "workflow:i-2");
        Assert.StartsWith("new node failed (policy failed: default) — via", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_no_integration_confirms_is_left_alone_and_people_are_told()
    {
        var tokens = fleet.Host.Services.GetRequiredService<EnrollmentTokenService>();
        var token = await tokens.CreateAsync("stranger", null, 1, null, "test");
        // Claims a fleet instance id it does not own: the fleet must not act on it.
        var outcome = await fleet.Host.Services.GetRequiredService<AgentEnrollment>().EnrollAsync(
            token.Token, "stranger", new Dictionary<string, string> { ["localfleet/instance"] = fleet.InstanceOf(fleet.SharedNode)!.Value.GetProperty("id").GetString()! }, null);
        var nodeId = outcome.Agent!.NodeId;

        var result = await Api.PostJsonAsync($"/api/v1/nodes/{nodeId}/cloud-removal", new { mode = "terminate", reason = "test" });

        Assert.Equal($"Refused: no cloud integration confirmed this node's machine ({LocalFleetFixture.FleetName}: not one of its instances), so nothing was terminated.",
            result.GetProperty("action").GetString());
        Assert.NotEqual("removed", (await Api.GetJsonAsync($"/api/v1/nodes/{nodeId}")).GetProperty("status").GetString());
        await TimelineEntryAsync(nodeId, "NodeRemovalFailed");
        var notification = await TimelineEntryAsync(nodeId, "NotificationRecorded");
        Assert.Equal("Removal of stranger failed", notification.GetProperty("payload").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_console_loads_the_three_cloud_plugins_from_the_build_output()
    {
        var plugins = await Api.GetJsonAsync("/api/v1/plugins");

        foreach (var id in new[] { "vigil.aws", "vigil.kubernetes", "vigil.localfleet" })
        {
            var plugin = plugins.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
            Assert.True(plugin.GetProperty("state").GetString() == "loaded", plugin.ToString());
        }
    }

    [Fact]
    public async Task Removal_rejects_an_unknown_mode_and_a_missing_reason()
    {
        using var response = await Api.Http.PostAsJsonAsync("/api/v1/nodes/whatever/cloud-removal", new { mode = "explode", reason = "" }, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("mode", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    private async Task SaveFlowAsync(string id, object connections)
    {
        var definition = new
        {
            id,
            name = id,
            activities = new object[]
            {
                new { id = "start", type = "Vigil.Manual", inputs = new { } },
                new { id = "policy", type = "Vigil.EvaluatePolicy", inputs = new { policy = new { kind = "literal", value = "default" }, scanId = new { kind = "literal", value = "s" } } },
                new { id = "remove", type = "Vigil.RemoveNode", inputs = new { mode = new { kind = "literal", value = "terminate" }, reason = new { kind = "literal", value = "new node failed" } } },
            },
            connections,
        };
        using var put = await Api.Http.PutAsJsonAsync($"/api/v1/workflows/{id}", definition, VigilJson.Options, TestContext.Current.CancellationToken);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<JsonElement> TimelineEntryAsync(string nodeId, string type)
    {
        var timeline = await Api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}/timeline",
            t => t.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("type").GetString() == type), TimeSpan.FromSeconds(15));
        return timeline.GetProperty("items").EnumerateArray().First(e => e.GetProperty("type").GetString() == type);
    }

    private async Task<AuditEntry> AuditAsync(string action, Func<AuditEntry, bool> match)
    {
        var audit = fleet.Host.Services.GetRequiredService<AuditLog>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = (await audit.QueryAsync(new AuditQuery(Action: action))).Items.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"no '{action}' audit entry matched");
            await Task.Delay(100);
        }
    }
}
