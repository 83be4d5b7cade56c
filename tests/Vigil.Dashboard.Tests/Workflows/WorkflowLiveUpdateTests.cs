using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Vigil.Core.Json;
using Vigil.Dashboard.Hubs;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Workflows;

public sealed class WorkflowLiveUpdateTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Instance_changes_and_approval_requests_reach_the_ui_hub()
    {
        using var api = fixture.Host.Api();
        var (_, viewerKey) = await api.CreateApiKeyAsync("live-flows", "Viewer");
        var received = new List<JsonElement>();
        var gotApproval = new TaskCompletionSource();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Host.BaseAddress, UiHub.Route), o => o.Headers["Authorization"] = "Bearer " + viewerKey)
            .Build();
        connection.On<JsonElement[]>(UiHub.EventsMethod, batch =>
        {
            lock (received)
            {
                received.AddRange(batch);
                if (received.Any(e => e.GetProperty("type").GetString() == "ApprovalRequested"))
                {
                    gotApproval.TrySetResult();
                }
            }
        });
        await connection.StartAsync(TestContext.Current.CancellationToken);

        using (await api.Http.PutAsJsonAsync("/api/v1/workflows/live", WorkflowJsonSamples.ManualApproval("live"), VigilJson.Options))
        {
        }

        await api.PostJsonAsync("/api/v1/workflows/live/publish", new { });
        var instanceId = (await api.PostJsonAsync("/api/v1/workflows/live/start", new { })).GetProperty("instanceId").GetString();

        await gotApproval.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        lock (received)
        {
            var approval = received.Single(e => e.GetProperty("type").GetString() == "ApprovalRequested");
            Assert.Equal(instanceId, approval.GetProperty("instanceId").GetString());
            Assert.Equal("ask", approval.GetProperty("activityId").GetString());
            Assert.Contains(received, e => e.GetProperty("type").GetString() == "WorkflowInstanceChanged"
                && e.GetProperty("instanceId").GetString() == instanceId
                && e.GetProperty("definitionId").GetString() == "live"
                && e.GetProperty("status").GetString() == "suspended");
        }
    }
}
