using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Events;
using Vigil.Core.Json;
using Vigil.Dashboard.Workflows;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Workflows;

public sealed class WorkflowEventAdapterTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    private static object FeedFlow(string id) => new
    {
        id,
        name = "On feed update",
        activities = new object[]
        {
            new { id = "feed", type = "Vigil.FeedUpdated", inputs = new { } },
            new { id = "log", type = "Vigil.Log", inputs = new { message = new { kind = "js", value = "'snapshot ' + input.snapshotId" } } },
        },
        connections = new[] { new { source = "feed", sourceOutcome = "Done", target = "log" } },
    };

    [Fact]
    public async Task A_domain_event_starts_its_enabled_flows_once_even_when_delivered_twice()
    {
        using var api = Host.Api();
        using (await api.Http.PutAsJsonAsync("/api/v1/workflows/on-feed", FeedFlow("on-feed"), VigilJson.Options))
        {
        }

        await api.PostJsonAsync("/api/v1/workflows/on-feed/publish", new { });
        var adapter = Host.Services.GetServices<IDomainEventSubscriber>().OfType<WorkflowEventAdapter>().Single();
        var feed = new FeedUpdated("snap-42", 3, 0, 0);

        // The outbox delivers at least once: a redelivery must not start a second instance.
        await adapter.HandleAsync(feed, TestContext.Current.CancellationToken);
        await adapter.HandleAsync(feed, TestContext.Current.CancellationToken);

        var instances = await api.GetJsonAsync("/api/v1/workflow-instances?definitionId=on-feed");
        Assert.Equal(1, instances.GetProperty("total").GetInt32());
        var id = instances.GetProperty("items")[0].GetProperty("id").GetString();
        var journal = (await api.GetJsonAsync($"/api/v1/workflow-instances/{id}")).GetProperty("journal");
        Assert.Contains("snapshot snap-42", journal[1].GetProperty("inputsJson").GetString());
    }

    [Fact]
    public async Task A_disabled_flow_is_not_started_by_its_event()
    {
        using var api = Host.Api();
        using (await api.Http.PutAsJsonAsync("/api/v1/workflows/off-feed", FeedFlow("off-feed"), VigilJson.Options))
        {
        }

        await api.PostJsonAsync("/api/v1/workflows/off-feed/publish", new { });
        await api.PostJsonAsync("/api/v1/workflows/off-feed/disable", new { });
        var adapter = Host.Services.GetServices<IDomainEventSubscriber>().OfType<WorkflowEventAdapter>().Single();

        await adapter.HandleAsync(new FeedUpdated("snap-43", 1, 0, 0), TestContext.Current.CancellationToken);

        var instances = await api.GetJsonAsync("/api/v1/workflow-instances?definitionId=off-feed");
        Assert.Equal(0, instances.GetProperty("total").GetInt32());
    }
}
