using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Vigil.Core.Json;
using Vigil.Dashboard.Scheduling;
using Vigil.Testing;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Tests.Scheduling;

/// <summary>Scan schedules through the API, fired by the real Quartz scheduler against a recording scan service.</summary>
public sealed class SchedulesApiTests : IAsyncLifetime
{
    private readonly RecordingScanService _scans = new();
    private DashboardHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await DashboardHost.StartAsync(new DashboardOptions { ConfigureServices = s => s.AddSingleton<IScanService>(_scans) });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_weekly_scan_exists_from_first_start_and_is_disabled()
    {
        using var api = _host.Api();
        var list = await api.GetJsonAsync("/api/v1/schedules");

        var weekly = Assert.Single(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "weekly-scan");
        Assert.Equal("Weekly scan of all hosts and containers", weekly.GetProperty("name").GetString());
        Assert.False(weekly.GetProperty("enabled").GetBoolean());
        Assert.Equal("0 0 3 ? * SUN", weekly.GetProperty("quartzCron").GetString());
        Assert.Equal("hostsAndContainers", weekly.GetProperty("target").GetProperty("kind").GetString());
        Assert.False(weekly.TryGetProperty("nextFireAt", out _));
        Assert.Equal(3, weekly.GetProperty("upcoming").GetArrayLength());
        Assert.False(await TriggerExistsAsync("weekly-scan"));

        using (await api.Http.PostAsync("/api/v1/schedules/weekly-scan/enable", null, TestContext.Current.CancellationToken))
        {
        }

        var enabled = await api.GetJsonAsync("/api/v1/schedules/weekly-scan");
        Assert.True(enabled.GetProperty("schedule").GetProperty("enabled").GetBoolean());
        var next = enabled.GetProperty("schedule").GetProperty("nextFireAt").GetDateTimeOffset();
        Assert.Equal(DayOfWeek.Sunday, next.DayOfWeek);
        Assert.Equal(3, next.Hour);
        Assert.True(await TriggerExistsAsync("weekly-scan"));
    }

    [Fact]
    public async Task An_invalid_schedule_is_refused_with_every_problem_and_nothing_is_saved()
    {
        using var api = _host.Api();
        using var response = await api.Http.PostAsJsonAsync(
            "/api/v1/schedules",
            new { id = "bad", name = "", cron = "61 * * * *", timeZone = "Mars/Olympus", target = new { kind = "labels" } },
            VigilJson.Options,
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Contains("minute value 61", errors.GetProperty("cron")[0].GetString());
        Assert.Contains("Mars/Olympus", errors.GetProperty("timeZone")[0].GetString());
        Assert.Contains("at least one label", errors.GetProperty("target")[0].GetString());
        Assert.True(errors.TryGetProperty("name", out _));
        using var missing = await api.Http.GetAsync("/api/v1/schedules/bad", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_run_scans_the_nodes_matching_the_labels_and_records_the_scans_it_started()
    {
        using var api = _host.Api();
        var web1 = await EnrollAsync(api, "web-1", new() { ["team"] = "web", ["env"] = "prod" });
        var web2 = await EnrollAsync(api, "web-2", new() { ["team"] = "web", ["env"] = "prod" });
        await EnrollAsync(api, "web-staging", new() { ["team"] = "web", ["env"] = "staging" });
        await EnrollAsync(api, "db-1", new() { ["team"] = "db", ["env"] = "prod" });

        var created = await api.PostJsonAsync("/api/v1/schedules", new
        {
            name = "Nightly web prod",
            cron = "0 2 * * *",
            timeZone = "Europe/Paris",
            target = new { kind = "labels", labels = new { team = "web", env = "prod" } },
            enabled = true,
        });
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("nightly-web-prod", id);
        Assert.Equal("0 0 2 * * ?", created.GetProperty("quartzCron").GetString());

        // Fire it now through Quartz, as its trigger would.
        var quartz = await _host.Services.GetRequiredService<VigilScheduler>().GetAsync(TestContext.Current.CancellationToken);
        await quartz.TriggerJob(new JobKey(id, SchedulingServices.ScanSchedulesGroup), new JobDataMap(), TestContext.Current.CancellationToken);

        var run = await WaitForRunAsync(api, id);
        Assert.Equal("started", run.GetProperty("outcome").GetString());
        Assert.Equal(2, run.GetProperty("nodeCount").GetInt32());
        var scans = run.GetProperty("scans").EnumerateArray().Select(s => (s.GetProperty("scanId").GetString(), s.GetProperty("nodeId").GetString())).ToHashSet();
        Assert.Equal(new HashSet<(string?, string?)> { ("scan-" + web1, web1), ("scan-" + web2, web2) }, scans);
        var request = Assert.Single(_scans.Requests);
        Assert.Equal($"schedule:{id}", request.RequestedBy);
        Assert.Equal(new[] { web1, web2 }.Order(), request.NodeIds.Order());

        var listed = Assert.Single((await api.GetJsonAsync("/api/v1/schedules")).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        Assert.Equal("started", listed.GetProperty("lastRun").GetProperty("outcome").GetString());
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Assert.Equal(2, TimeZoneInfo.ConvertTime(listed.GetProperty("nextFireAt").GetDateTimeOffset(), paris).Hour);
    }

    [Fact]
    public async Task Viewers_read_schedules_and_operators_manage_them()
    {
        using var admin = _host.Api();
        var (_, viewerKey) = await admin.CreateApiKeyAsync("sched-viewer", "Viewer");
        var (_, operatorKey) = await admin.CreateApiKeyAsync("sched-operator", "Operator");
        using var viewer = _host.Api(viewerKey);
        using var operatorApi = _host.Api(operatorKey);
        var body = new { name = "Hosts hourly", cron = "0 * * * *", target = new { kind = "hosts" } };

        using var read = await viewer.Http.GetAsync("/api/v1/schedules", TestContext.Current.CancellationToken);
        using var refused = await viewer.Http.PostAsJsonAsync("/api/v1/schedules", body, VigilJson.Options, TestContext.Current.CancellationToken);
        using var created = await operatorApi.Http.PostAsJsonAsync("/api/v1/schedules", body, VigilJson.Options, TestContext.Current.CancellationToken);
        using var deleted = await operatorApi.Http.DeleteAsync("/api/v1/schedules/hosts-hourly", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await TriggerExistsAsync("hosts-hourly"));
    }

    private async Task<bool> TriggerExistsAsync(string id)
    {
        var quartz = await _host.Services.GetRequiredService<VigilScheduler>().GetAsync(TestContext.Current.CancellationToken);
        return await quartz.GetTrigger(new TriggerKey(id, SchedulingServices.ScanSchedulesGroup), TestContext.Current.CancellationToken) is not null;
    }

    private static async Task<JsonElement> WaitForRunAsync(VigilApiClient api, string id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var runs = (await api.GetJsonAsync($"/api/v1/schedules/{id}")).GetProperty("runs");
            if (runs.GetArrayLength() > 0)
            {
                return runs[0];
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the schedule did not run within 30 s");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private async Task<string> EnrollAsync(VigilApiClient api, string name, Dictionary<string, string> labels)
    {
        var token = (await api.PostJsonAsync("/api/v1/enrollment-tokens", new { description = name, maxUses = 1 })).GetProperty("token").GetString();
        using var anonymous = _host.CreateClient();
        using var enrolled = await anonymous.PostAsJsonAsync("/api/v1/agents/enroll", new { token, name, labels }, VigilJson.Options, TestContext.Current.CancellationToken);
        enrolled.EnsureSuccessStatusCode();
        return (await enrolled.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("nodeId").GetString()!;
    }
}
