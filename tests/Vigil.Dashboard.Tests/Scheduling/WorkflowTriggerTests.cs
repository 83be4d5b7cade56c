using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Vigil.Core.Json;
using Vigil.Core.Storage;
using Vigil.Dashboard.Scheduling;
using Vigil.Dashboard.Workflows;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Scheduling;

/// <summary>The workflow engine's Cron and HttpEndpoint triggers on the console: Quartz cron triggers and authenticated webhooks.</summary>
public sealed class WorkflowTriggerTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    private static object Flow(string id, object trigger) => new
    {
        id,
        name = id,
        activities = new[]
        {
            trigger,
            new { id = "log", type = "Vigil.Log", inputs = (object)new { message = new { kind = "js", value = "JSON.stringify(input)" } } },
        },
        connections = new[] { new { source = "start", sourceOutcome = "Done", target = "log" } },
    };

    [Fact]
    public async Task A_cron_trigger_is_scheduled_in_its_time_zone_while_the_workflow_is_enabled()
    {
        using var api = Host.Api();
        await PublishAsync(api, Flow("nightly-report", new
        {
            id = "start",
            type = "Vigil.Cron",
            inputs = new { cron = new { kind = "literal", value = "30 1 * * 1-5" }, timeZone = new { kind = "literal", value = "Europe/Paris" } },
        }));

        var item = await ListedAsync(api, "nightly-report/start");
        Assert.NotNull(item);
        Assert.Equal("workflow", item.Value.GetProperty("kind").GetString());
        Assert.Equal("0 30 1 ? * MON,TUE,WED,THU,FRI", item.Value.GetProperty("quartzCron").GetString());
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var next = TimeZoneInfo.ConvertTime(item.Value.GetProperty("nextFireAt").GetDateTimeOffset(), paris);
        Assert.Equal((1, 30), (next.Hour, next.Minute));
        Assert.Equal("Europe/Paris", await StoredTimeZoneAsync("nightly-report/start"));

        using (await api.Http.PostAsync("/api/v1/workflows/nightly-report/disable", null, TestContext.Current.CancellationToken))
        {
        }

        Assert.Null(await ListedAsync(api, "nightly-report/start"));
        Assert.Null(await StoredTimeZoneAsync("nightly-report/start"));

        using (await api.Http.PostAsync("/api/v1/workflows/nightly-report/enable", null, TestContext.Current.CancellationToken))
        {
        }

        Assert.NotNull(await ListedAsync(api, "nightly-report/start"));
    }

    [Fact]
    public async Task A_cron_fire_starts_the_flow_once_per_fire_time()
    {
        using var api = Host.Api();
        await PublishAsync(api, Flow("cron-once", new
        {
            id = "start",
            type = "Vigil.Cron",
            inputs = new { cron = new { kind = "literal", value = "0 0 1 1 *" } },
        }));

        // Fired by Quartz itself, as the trigger would.
        var quartz = await Host.Services.GetRequiredService<VigilScheduler>().GetAsync(TestContext.Current.CancellationToken);
        await quartz.TriggerJob(new JobKey("cron-once/start", SchedulingServices.WorkflowCronGroup), new JobDataMap(), TestContext.Current.CancellationToken);
        var instances = await WaitForInstancesAsync(api, "cron-once", 1);
        Assert.Equal("finished", instances[0].GetProperty("status").GetString());

        // The same fire time twice (a misfire recovered twice, two consoles): one instance.
        var job = Host.Services.GetRequiredService<WorkflowCronJob>();
        var at = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.NotNull(await job.StartAsync("cron-once", "start", at, TestContext.Current.CancellationToken));
        Assert.Null(await job.StartAsync("cron-once", "start", at, TestContext.Current.CancellationToken));
        Assert.Equal(2, (await WaitForInstancesAsync(api, "cron-once", 2)).Count);
    }

    [Fact]
    public async Task A_webhook_starts_its_flow_with_the_request_body_and_answers_with_the_instance()
    {
        using var admin = Host.Api();
        await PublishAsync(admin, Flow("on-deploy", new
        {
            id = "start",
            type = "Vigil.HttpEndpoint",
            inputs = new { path = new { kind = "literal", value = "deploy/finished" } },
        }));
        var (_, operatorKey) = await admin.CreateApiKeyAsync("hook-operator", "Operator");
        var (_, viewerKey) = await admin.CreateApiKeyAsync("hook-viewer", "Viewer");
        using var operatorApi = Host.Api(operatorKey);
        using var viewer = Host.Api(viewerKey);
        using var anonymous = Host.CreateClient();

        using var started = await operatorApi.Http.PostAsJsonAsync("/api/v1/workflow-hooks/deploy/finished", new { version = "1.2.3" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("instanceId").GetString();
        var instance = await admin.GetJsonAsync($"/api/v1/workflow-instances/{instanceId}");
        Assert.Equal("finished", instance.GetProperty("instance").GetProperty("status").GetString());
        var log = instance.GetProperty("journal").EnumerateArray().Single(j => j.GetProperty("activityId").GetString() == "log");
        Assert.Contains("1.2.3", string.Concat(log.EnumerateObject().Where(p => p.Name is "inputsJson" or "outputsJson").Select(p => p.Value.GetString())));

        using var wrongMethod = await operatorApi.Http.PutAsJsonAsync("/api/v1/workflow-hooks/deploy/finished", new { }, TestContext.Current.CancellationToken);
        using var unknown = await operatorApi.Http.PostAsJsonAsync("/api/v1/workflow-hooks/nothing-here", new { }, TestContext.Current.CancellationToken);
        using var notJson = await operatorApi.Http.PostAsync("/api/v1/workflow-hooks/deploy/finished", new StringContent("version=1", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        using var byViewer = await viewer.Http.PostAsJsonAsync("/api/v1/workflow-hooks/deploy/finished", new { }, TestContext.Current.CancellationToken);
        using var byNobody = await anonymous.PostAsJsonAsync("/api/v1/workflow-hooks/deploy/finished", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Equal(1, (await admin.GetJsonAsync("/api/v1/workflow-instances?definitionId=on-deploy")).GetProperty("total").GetInt32());
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

    private static async Task<JsonElement?> ListedAsync(VigilApiClient api, string id) =>
        (await api.GetJsonAsync("/api/v1/schedules")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("id").GetString() == id).Select(i => (JsonElement?)i).FirstOrDefault();

    private async Task<string?> StoredTimeZoneAsync(string triggerName)
    {
        await using var connection = await Host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT TIME_ZONE_ID FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_GROUP = 'workflow-cron' AND TRIGGER_NAME = @triggerName", new { triggerName });
    }

    private static async Task<IReadOnlyList<JsonElement>> WaitForInstancesAsync(VigilApiClient api, string definitionId, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var items = (await api.GetJsonAsync($"/api/v1/workflow-instances?definitionId={definitionId}")).GetProperty("items").EnumerateArray().ToArray();
            if (items.Length >= count && items.All(i => i.GetProperty("status").GetString() != "running"))
            {
                return items;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{count} instance(s) of {definitionId} did not finish within 30 s");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
