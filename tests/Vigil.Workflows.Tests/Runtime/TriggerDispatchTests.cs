using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class TriggerDispatchTests : EngineTestBase
{
    private static WorkflowDefinition Triggered(string id, string triggerType, params (string, ActivityInput)[] inputs) => Create(id)
        .Add("trigger", triggerType, inputs)
        .Add("log", "Vigil.Log", Js("message", "'got ' + JSON.stringify(input)"))
        .Connect("trigger", "log")
        .Build();

    [Fact]
    public async Task NodeRegistered_starts_only_flows_whose_labels_match()
    {
        await Host.Definitions.PublishAsync(Triggered("prod-only", "Vigil.NodeRegistered", Lit("labels", new { env = "prod" })));
        await Host.Definitions.PublishAsync(Triggered("all-nodes", "Vigil.NodeRegistered"));
        await Host.Definitions.PublishAsync(Triggered("scans", "Vigil.ScanCompleted"));

        var dev = await Host.Runtime.DispatchAsync(new WorkflowEvent("NodeRegistered", "e1", null, Json(new { nodeId = "n1", labels = new { env = "dev" } })));
        var prod = await Host.Runtime.DispatchAsync(new WorkflowEvent("NodeRegistered", "e2", null, Json(new { nodeId = "n2", labels = new { env = "prod", team = "a" } })));

        Assert.Single(dev.StartedInstanceIds);
        Assert.Equal(2, prod.StartedInstanceIds.Count);
        var started = await Task.WhenAll(prod.StartedInstanceIds.Select(id => Host.Instances.GetAsync(id)));
        Assert.Equal(["all-nodes", "prod-only"], started.Select(i => i!.DefinitionId).Order());
        Assert.All(started, i => Assert.Equal(WorkflowStatus.Finished, i!.Status));
    }

    [Fact]
    public async Task A_redelivered_event_starts_no_second_instance()
    {
        await Host.Definitions.PublishAsync(Triggered("f", "Vigil.FeedUpdated"));
        var feedEvent = new WorkflowEvent("FeedUpdated", "evt-42", null, Json(new { snapshotId = "s1" }));

        var first = await Host.Runtime.DispatchAsync(feedEvent);
        var again = await Host.Runtime.DispatchAsync(feedEvent);

        Assert.Single(first.StartedInstanceIds);
        Assert.Empty(again.StartedInstanceIds);
    }

    [Fact]
    public async Task A_disabled_flow_is_not_started_and_starts_again_once_enabled()
    {
        await Host.Definitions.PublishAsync(Triggered("f", "Vigil.ScanFailed"));
        await Host.Definitions.SetEnabledAsync("f", false);

        Assert.Empty((await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanFailed", "a", null, Json(new { error = "x" })))).StartedInstanceIds);
        await Host.Definitions.SetEnabledAsync("f", true);
        Assert.Single((await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanFailed", "b", null, Json(new { error = "x" })))).StartedInstanceIds);
    }

    [Fact]
    public async Task Only_the_published_version_trigger_is_indexed()
    {
        await Host.Definitions.PublishAsync(Triggered("f", "Vigil.ScanCompleted"));
        await Host.Definitions.PublishAsync(Triggered("f", "Vigil.FeedUpdated"));

        Assert.Empty((await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "a", null, Json(new { })))).StartedInstanceIds);
        Assert.Single((await Host.Runtime.DispatchAsync(new WorkflowEvent("FeedUpdated", "b", null, Json(new { })))).StartedInstanceIds);
    }

    [Theory]
    [InlineData("critical", "high", true)]
    [InlineData("high", "high", true)]
    [InlineData("medium", "critical", false)]
    [InlineData("low", "any", true)]
    [InlineData("unknown", "unknown", true)]
    [InlineData("unknown", "low", false)]
    public async Task FindingsChanged_filters_by_minimum_severity(string addedSeverity, string minSeverity, bool starts)
    {
        await Host.Definitions.PublishAsync(Triggered("f", "Vigil.FindingsChanged", Lit("minSeverity", minSeverity)));

        var result = await Host.Runtime.DispatchAsync(new WorkflowEvent("FindingsChanged", "e", null,
            Json(new { nodeId = "n", added = new[] { new { id = "CVE-1", severity = addedSeverity } }, removed = Array.Empty<object>() })));

        Assert.Equal(starts, result.StartedInstanceIds.Count == 1);
    }

    [Fact]
    public async Task Cron_starts_only_the_flow_and_trigger_named_by_the_scheduler()
    {
        await Host.Definitions.PublishAsync(Triggered("nightly", "Vigil.Cron", Lit("cron", "0 2 * * *"), Lit("timeZone", "Europe/Paris")));
        await Host.Definitions.PublishAsync(Triggered("hourly", "Vigil.Cron", Lit("cron", "0 * * * *")));

        var result = await Host.Runtime.DispatchAsync(new WorkflowEvent("Cron", "fire-1", null,
            Json(new { definitionId = "nightly", activityId = "trigger", firedAt = "2026-11-24T01:00:00Z" })));

        var instance = await Host.Instances.GetAsync(Assert.Single(result.StartedInstanceIds));
        Assert.Equal("nightly", instance!.DefinitionId);
    }

    [Fact]
    public async Task HttpEndpoint_matches_its_path_and_method()
    {
        await Host.Definitions.PublishAsync(Triggered("hook", "Vigil.HttpEndpoint", Lit("path", "deploy-finished")));

        var wrongMethod = await Host.Runtime.DispatchAsync(new WorkflowEvent("HttpEndpoint", "1", null, Json(new { path = "deploy-finished", method = "GET" })));
        var wrongPath = await Host.Runtime.DispatchAsync(new WorkflowEvent("HttpEndpoint", "2", null, Json(new { path = "other", method = "POST" })));
        var right = await Host.Runtime.DispatchAsync(new WorkflowEvent("HttpEndpoint", "3", null, Json(new { path = "/deploy-finished", method = "post", body = new { build = 7 } })));

        Assert.Empty(wrongMethod.StartedInstanceIds);
        Assert.Empty(wrongPath.StartedInstanceIds);
        var journal = await Host.Instances.GetJournalAsync(Assert.Single(right.StartedInstanceIds));
        Assert.Contains("\\u0022build\\u0022:7", journal.Last().OutputsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manual_flows_are_never_started_by_events()
    {
        await Host.Definitions.PublishAsync(Manual("m").Build());

        Assert.Empty((await Host.Runtime.DispatchAsync(new WorkflowEvent("Manual", "x", null, Json(new { })))).StartedInstanceIds);
    }

    [Fact]
    public async Task A_trigger_filter_may_be_an_expression_over_the_event()
    {
        await Host.Definitions.PublishAsync(Triggered("f", "Vigil.NodeRegistered", Js("labels", "input.nodeType === 'host' ? { env: 'prod' } : { never: 'match' }")));

        var host = await Host.Runtime.DispatchAsync(new WorkflowEvent("NodeRegistered", "1", null, Json(new { nodeType = "host", labels = new { env = "prod" } })));
        var image = await Host.Runtime.DispatchAsync(new WorkflowEvent("NodeRegistered", "2", null, Json(new { nodeType = "image", labels = new { env = "prod" } })));

        Assert.Single(host.StartedInstanceIds);
        Assert.Empty(image.StartedInstanceIds);
    }

    [Fact]
    public async Task A_trigger_whose_filter_runs_away_is_skipped_and_the_other_flows_still_start()
    {
        await Host.Definitions.PublishAsync(Triggered("broken", "Vigil.NodeRegistered", Js("labels", "while (true) {}")));
        await Host.Definitions.PublishAsync(Triggered("fine", "Vigil.NodeRegistered"));

        var result = await Host.Runtime.DispatchAsync(new WorkflowEvent("NodeRegistered", "1", null, Json(new { nodeId = "n", labels = new { } })));

        var started = await Host.Instances.GetAsync(Assert.Single(result.StartedInstanceIds));
        Assert.Equal("fine", started!.DefinitionId);
    }
}
