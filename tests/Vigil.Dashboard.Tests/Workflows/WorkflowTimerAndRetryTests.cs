using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Vigil.Core.Json;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Workflows;

public sealed class WorkflowTimerAndRetryTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    private static object Flow(string id, string type, string input, object value) => new
    {
        id,
        name = id,
        activities = new object[]
        {
            new { id = "start", type = "Vigil.Manual", inputs = new { } },
            new { id = "step", type, inputs = new Dictionary<string, object> { [input] = value } },
            new { id = "after", type = "Vigil.Log", inputs = new { message = new { kind = "literal", value = "after" } } },
        },
        connections = new[]
        {
            new { source = "start", sourceOutcome = "Done", target = "step" },
            new { source = "step", sourceOutcome = "Done", target = "after" },
        },
    };

    [Fact]
    public async Task A_delay_is_resumed_by_the_console_when_due()
    {
        using var api = Host.Api();
        await PublishAsync(api, Flow("delayed", "Vigil.Delay", "duration", new { kind = "literal", value = "1" }));

        var started = await api.PostJsonAsync("/api/v1/workflows/delayed/start", new { });
        Assert.Equal("suspended", started.GetProperty("status").GetString());
        var id = started.GetProperty("instanceId").GetString();

        // The timer sweep runs every second; give it a generous margin on a busy machine.
        var status = "";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20) && status != "finished")
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            status = (await api.GetJsonAsync($"/api/v1/workflow-instances/{id}")).GetProperty("instance").GetProperty("status").GetString();
        }

        Assert.Equal("finished", status);
    }

    [Fact]
    public async Task Retry_runs_a_faulted_instance_again_from_the_failed_activity_and_refuses_others()
    {
        using var api = Host.Api();
        // Faults on every run: the expression reads a property of something absent.
        await PublishAsync(api, Flow("faulty", "Vigil.Log", "message", new { kind = "js", value = "input.missing.deeper" }));
        var id = (await api.PostJsonAsync("/api/v1/workflows/faulty/start", new { })).GetProperty("instanceId").GetString();
        var before = await api.GetJsonAsync($"/api/v1/workflow-instances/{id}");
        Assert.Equal("faulted", before.GetProperty("instance").GetProperty("status").GetString());
        Assert.Equal("step", before.GetProperty("instance").GetProperty("faultedActivityId").GetString());

        var retried = await api.PostJsonAsync($"/api/v1/workflow-instances/{id}/retry", new { });

        Assert.Equal("faulted", retried.GetProperty("status").GetString());
        var journal = (await api.GetJsonAsync($"/api/v1/workflow-instances/{id}")).GetProperty("journal").EnumerateArray().ToArray();
        Assert.Equal(2, journal.Count(j => j.GetProperty("activityId").GetString() == "step" && j.GetProperty("status").GetString() == "faulted"));
        Assert.Equal(1, journal.Count(j => j.GetProperty("activityId").GetString() == "start"));

        await PublishAsync(api, Flow("fine", "Vigil.Log", "message", new { kind = "literal", value = "ok" }));
        var fine = (await api.PostJsonAsync("/api/v1/workflows/fine/start", new { })).GetProperty("instanceId").GetString();
        using var refused = await api.Http.PostAsync($"/api/v1/workflow-instances/{fine}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    private static async Task PublishAsync(VigilApiClient api, object definition)
    {
        var id = (string)definition.GetType().GetProperty("id")!.GetValue(definition)!;
        using (var put = await api.Http.PutAsJsonAsync($"/api/v1/workflows/{id}", definition, VigilJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await api.PostJsonAsync($"/api/v1/workflows/{id}/publish", new { });
    }
}
