using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Agents;
using Vigil.Core.Json;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Workflows;

/// <summary>The console's Add label, Notify and Remove node behind a real flow, on a real node of the inventory.</summary>
public sealed class WorkflowNodeActionTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    [Fact]
    public async Task A_flow_labels_notifies_and_removes_the_node_and_its_timeline_shows_each_step()
    {
        var nodeId = await EnrollNodeAsync("flow-target");
        using var api = Host.Api();
        var definition = new
        {
            id = "node-actions",
            name = "Node actions",
            activities = new object[]
            {
                new { id = "start", type = "Vigil.Manual", inputs = new { } },
                new { id = "label", type = "Vigil.AddLabel", inputs = new { key = new { kind = "literal", value = "vigil/approved" }, value = new { kind = "literal", value = "false" } } },
                new { id = "notify", type = "Vigil.Notify", inputs = new
                {
                    title = new { kind = "js", value = "'Removing ' + input.nodeId" },
                    text = new { kind = "literal", value = "policy failed" },
                    severity = new { kind = "literal", value = "high" },
                    nodeId = new { kind = "js", value = "input.nodeId" },
                } },
                new { id = "remove", type = "Vigil.RemoveNode", inputs = new { mode = new { kind = "literal", value = "quarantine" }, reason = new { kind = "literal", value = "failed policy default" } } },
            },
            connections = new[]
            {
                new { source = "start", sourceOutcome = "Done", target = "label" },
                new { source = "label", sourceOutcome = "Done", target = "notify" },
                new { source = "notify", sourceOutcome = "Done", target = "remove" },
            },
        };
        using (var put = await api.Http.PutAsJsonAsync("/api/v1/workflows/node-actions", definition, VigilJson.Options))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        await api.PostJsonAsync("/api/v1/workflows/node-actions/publish", new { });
        await api.PostJsonAsync("/api/v1/workflows/node-actions/enable", new { });

        var started = await api.PostJsonAsync("/api/v1/workflows/node-actions/start", new { input = new { nodeId } });

        Assert.True(started.GetProperty("status").GetString() == "finished", started.ToString());
        var node = await api.GetJsonAsync($"/api/v1/nodes/{nodeId}");
        Assert.Equal("removed", node.GetProperty("status").GetString());
        Assert.Equal("false", node.GetProperty("labels").GetProperty("vigil/approved").GetString());
        var instance = await api.GetJsonAsync($"/api/v1/workflow-instances/{started.GetProperty("instanceId").GetString()}");
        var removal = instance.GetProperty("journal").EnumerateArray().Single(j => j.GetProperty("activityId").GetString() == "remove");
        Assert.Contains("could not be quarantined", removal.GetProperty("outputsJson").GetString());

        var timeline = await api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}/timeline", t => TypesOf(t).Contains("NodeRemoved"));
        Assert.Equal(["NodeRemoved", "NotificationRecorded", "NodeLabelled"], TypesOf(timeline).Take(3));
        var notification = timeline.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "NotificationRecorded");
        Assert.Equal($"Removing {nodeId}", notification.GetProperty("payload").GetProperty("title").GetString());
    }

    private async Task<string> EnrollNodeAsync(string name)
    {
        var tokens = Host.Services.GetRequiredService<EnrollmentTokenService>();
        var token = await tokens.CreateAsync(name, null, 1, null, "test");
        var outcome = await Host.Services.GetRequiredService<AgentEnrollment>().EnrollAsync(token.Token, name, null, null);
        return outcome.Agent!.NodeId;
    }

    private static List<string> TypesOf(System.Text.Json.JsonElement timeline) =>
        timeline.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
}
