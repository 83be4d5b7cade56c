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
        await using var listener = await UiHubListener.ConnectAsync(fixture.Host, viewerKey);

        using (await api.Http.PutAsJsonAsync("/api/v1/workflows/live", WorkflowJsonSamples.ManualApproval("live"), VigilJson.Options))
        {
        }

        await api.PostJsonAsync("/api/v1/workflows/live/publish", new { });
        var instanceId = (await api.PostJsonAsync("/api/v1/workflows/live/start", new { })).GetProperty("instanceId").GetString();

        var received = await listener.WaitForAsync("ApprovalRequested", TimeSpan.FromSeconds(15));
        var approval = received.Single(e => UiHubListener.TypeOf(e) == "ApprovalRequested");
        Assert.Equal(instanceId, approval.GetProperty("instanceId").GetString());
        Assert.Equal("ask", approval.GetProperty("activityId").GetString());
        Assert.Contains(received, e => UiHubListener.TypeOf(e) == "WorkflowInstanceChanged"
            && e.GetProperty("instanceId").GetString() == instanceId
            && e.GetProperty("definitionId").GetString() == "live"
            && e.GetProperty("status").GetString() == "suspended");
    }
}
