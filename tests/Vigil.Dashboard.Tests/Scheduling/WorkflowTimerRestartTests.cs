using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Json;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Scheduling;

/// <summary>Timer bookmarks live in Quartz's persistent store: they fire after a console restart, once.</summary>
public sealed class WorkflowTimerRestartTests
{
    // A trigger more than a second late counts as misfired, so downtime in these tests is real misfire handling.
    private static DashboardOptions Options(string dataDirectory, bool bootstrap = true) => new()
    {
        DataDirectory = dataDirectory,
        Bootstrap = bootstrap,
        Settings = new Dictionary<string, string?> { ["Vigil:Scheduling:MisfireThresholdSeconds"] = "1" },
    };

    [Fact]
    public async Task A_timer_scheduled_before_a_restart_fires_once_after_it()
    {
        using var data = new TempDirectory("vigil-timer-restart");
        string key, instanceId;
        await using (var first = await DashboardHost.StartAsync(Options(data.Path)))
        {
            key = first.AdminApiKey!;
            using var api = first.Api();
            await PublishDelayFlowAsync(api, "restart-delay", seconds: 6);
            instanceId = await StartAsync(api, "restart-delay");
            Assert.Equal(1, await TimerTriggerCountAsync(first));
        }

        // Restarted before the timer is due: nothing to catch up at start, so only Quartz's stored trigger can fire it.
        await using var second = await DashboardHost.StartAsync(Options(data.Path, bootstrap: false));
        using var again = second.Api(key);
        await WaitForStatusAsync(again, instanceId, "finished", TimeSpan.FromSeconds(30));
        await AssertRanOnceAfterTheDelayAsync(again, instanceId);
        // Quartz deletes a fired one-shot trigger only after its job returns, which can be just after the instance finished.
        await WaitForNoTimerTriggersAsync(second);
    }

    [Fact]
    public async Task A_timer_that_fell_due_during_downtime_fires_once_on_start()
    {
        using var data = new TempDirectory("vigil-timer-misfire");
        string key, instanceId;
        await using (var first = await DashboardHost.StartAsync(Options(data.Path)))
        {
            key = first.AdminApiKey!;
            using var api = first.Api();
            await PublishDelayFlowAsync(api, "misfire-delay", seconds: 2);
            instanceId = await StartAsync(api, "misfire-delay");
        }

        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        await using var second = await DashboardHost.StartAsync(Options(data.Path, bootstrap: false));
        using var again = second.Api(key);
        await WaitForStatusAsync(again, instanceId, "finished", TimeSpan.FromSeconds(30));
        // The misfired trigger and the start-up catch-up both see the timer; the bookmark is consumed once.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await AssertRanOnceAfterTheDelayAsync(again, instanceId);
        await WaitForNoTimerTriggersAsync(second);
    }

    internal static async Task PublishDelayFlowAsync(VigilApiClient api, string id, int seconds)
    {
        var definition = new
        {
            id,
            name = id,
            activities = new object[]
            {
                new { id = "start", type = "Vigil.Manual", inputs = new { } },
                new { id = "wait", type = "Vigil.Delay", inputs = new { duration = new { kind = "literal", value = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } } },
                new { id = "after", type = "Vigil.Log", inputs = new { message = new { kind = "literal", value = "after" } } },
            },
            connections = new[]
            {
                new { source = "start", sourceOutcome = "Done", target = "wait" },
                new { source = "wait", sourceOutcome = "Done", target = "after" },
            },
        };
        using (var put = await api.Http.PutAsJsonAsync($"/api/v1/workflows/{id}", definition, VigilJson.Options))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await api.PostJsonAsync($"/api/v1/workflows/{id}/publish", new { });
    }

    private static async Task<string> StartAsync(VigilApiClient api, string id)
    {
        var started = await api.PostJsonAsync($"/api/v1/workflows/{id}/start", new { });
        Assert.Equal("suspended", started.GetProperty("status").GetString());
        return started.GetProperty("instanceId").GetString()!;
    }

    private static async Task WaitForStatusAsync(VigilApiClient api, string instanceId, string expected, TimeSpan timeout)
    {
        var status = "";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && status != expected)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            status = (await api.GetJsonAsync($"/api/v1/workflow-instances/{instanceId}")).GetProperty("instance").GetProperty("status").GetString();
        }

        Assert.Equal(expected, status);
    }

    private static async Task AssertRanOnceAfterTheDelayAsync(VigilApiClient api, string instanceId)
    {
        var journal = (await api.GetJsonAsync($"/api/v1/workflow-instances/{instanceId}")).GetProperty("journal").EnumerateArray().ToArray();
        Assert.Equal(1, journal.Count(j => j.GetProperty("activityId").GetString() == "after"));
        Assert.Equal(1, journal.Count(j => j.GetProperty("activityId").GetString() == "wait" && j.GetProperty("status").GetString() == "completed"));
    }

    private static async Task WaitForNoTimerTriggersAsync(DashboardHost host)
    {
        var clock = Stopwatch.StartNew();
        var count = await TimerTriggerCountAsync(host);
        while (count != 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            count = await TimerTriggerCountAsync(host);
        }

        Assert.Equal(0, count);
    }

    private static async Task<int> TimerTriggerCountAsync(DashboardHost host)
    {
        await using var connection = await host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'workflow-timers'");
    }
}
