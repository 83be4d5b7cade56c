using Microsoft.Extensions.DependencyInjection;
using Vigil.Workflows.Contracts;
using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Activities;

/// <summary>
/// The shipped template "Scan new nodes before deployment" end to end inside the engine, with the console's services
/// replaced by recording doubles (the real ones come from the agents-and-scans and connector issues).
/// </summary>
public sealed class ScanNewNodesTemplateTests : EngineTestBase
{
    private readonly ScriptedScanService _scans = new();
    private readonly FixedPolicyEvaluator _policies = new();
    private readonly RecordingNodeActions _nodes = new();
    private readonly RecordingNotifier _notifier = new();

    internal override WorkflowTestHost CreateHost() => new(Database, services =>
    {
        services.AddSingleton<IScanService>(_scans);
        services.AddSingleton<IPolicyEvaluator>(_policies);
        services.AddSingleton<INodeActions>(_nodes);
        services.AddSingleton<INotifier>(_notifier);
    });

    private static WorkflowDefinition Template() => Create("scan-new-nodes")
        .Add("registered", "Vigil.NodeRegistered")
        .Add("scan", "Vigil.StartScan")
        .Add("wait", "Vigil.WaitForScan", Js("scanId", "activities.scan.outputs.scanId"))
        .Add("policy", "Vigil.EvaluatePolicy", Lit("policy", "default"), Js("scanId", "activities.scan.outputs.scanId"))
        .Add("remove", "Vigil.RemoveNode", Lit("mode", "markRemoved"), Js("reason", "activities.policy.outputs.reasons.join('; ')"))
        .Add("notify", "Vigil.Notify", Lit("title", "Node removed"), Js("text", "'Node ' + input.nodeName + ' failed policy'"), Lit("severity", "high"))
        .Add("approve", "Vigil.AddLabel", Lit("key", "vigil/approved"))
        .Add("scanFailed", "Vigil.Notify", Lit("title", "Scan failed"), Js("text", "activities.wait.outputs.event.error"))
        .Connect("registered", "scan").Connect("scan", "wait")
        .Connect("wait", "policy", "Completed").Connect("wait", "scanFailed", "Failed")
        .Connect("policy", "remove", "Fail").Connect("remove", "notify")
        .Connect("policy", "approve", "Pass")
        .Build();

    private static WorkflowEvent NodeRegistered(string nodeId) =>
        new("NodeRegistered", $"reg-{nodeId}", null, Json(new { nodeId, nodeName = "web-" + nodeId, nodeType = "host", labels = new { } }));

    [Fact]
    public async Task A_vulnerable_node_is_removed_and_notified()
    {
        await Host.Definitions.PublishAsync(Template());
        var started = await Host.Runtime.DispatchAsync(NodeRegistered("n1"));
        var instanceId = Assert.Single(started.StartedInstanceIds);
        Assert.Equal(WorkflowStatus.Suspended, (await Host.Instances.GetAsync(instanceId))!.Status);
        _policies.Failing.Add("scan-1");

        var finished = await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "sc-1", "scan-1", Json(new { scanId = "scan-1" })));

        Assert.Equal(1, finished.ResumedBookmarks);
        Assert.Equal(WorkflowStatus.Finished, (await Host.Instances.GetAsync(instanceId))!.Status);
        Assert.Equal(["remove n1 MarkRemoved default: 1 critical finding (max 0)"], _nodes.Calls);
        var sent = Assert.Single(_notifier.Sent);
        Assert.Equal(("Node removed", "Node web-n1 failed policy", "high"), (sent.Title, sent.Text, sent.Severity));
    }

    [Fact]
    public async Task A_clean_node_is_labelled_approved()
    {
        await Host.Definitions.PublishAsync(Template());
        await Host.Runtime.DispatchAsync(NodeRegistered("n2"));

        await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "sc-1", "scan-1", Json(new { scanId = "scan-1" })));

        Assert.Equal(["label n2 vigil/approved=true"], _nodes.Calls);
        Assert.Empty(_notifier.Sent);
    }

    [Fact]
    public async Task A_failed_scan_takes_the_Failed_outcome()
    {
        await Host.Definitions.PublishAsync(Template());
        await Host.Runtime.DispatchAsync(NodeRegistered("n3"));

        await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanFailed", "sf-1", "scan-1", Json(new { scanId = "scan-1", error = "agent lost" })));

        Assert.Equal("agent lost", Assert.Single(_notifier.Sent).Text);
        Assert.Empty(_nodes.Calls);
    }

    [Fact]
    public async Task A_cancelled_scan_takes_the_Failed_outcome_instead_of_leaving_the_flow_waiting()
    {
        await Host.Definitions.PublishAsync(Template());
        var started = await Host.Runtime.DispatchAsync(NodeRegistered("n5"));

        await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCancelled", "sx-1", "scan-1", Json(new { type = "ScanCancelled", scanId = "scan-1", by = "ops@example.com" })));

        var instance = await Host.Instances.GetAsync(Assert.Single(started.StartedInstanceIds));
        Assert.Equal(WorkflowStatus.Finished, instance!.Status);
        Assert.Equal("Scan failed", Assert.Single(_notifier.Sent).Title);
        Assert.Empty(_nodes.Calls);
    }

    [Fact]
    public async Task A_scan_that_finishes_before_the_flow_waits_still_resumes_it()
    {
        // The scan completes while Start scan is still running, i.e. before the Wait for scan bookmark exists.
        _scans.OnStarted = scanId => Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "early-" + scanId, scanId, Json(new { scanId })));
        await Host.Definitions.PublishAsync(Template());

        var started = await Host.Runtime.DispatchAsync(NodeRegistered("n4"));

        var instance = await Host.Instances.GetAsync(Assert.Single(started.StartedInstanceIds));
        Assert.Equal(WorkflowStatus.Finished, instance!.Status);
        Assert.Equal(["label n4 vigil/approved=true"], _nodes.Calls);
    }

    [Fact]
    public async Task A_scan_event_for_another_scan_resumes_nothing()
    {
        await Host.Definitions.PublishAsync(Template());
        var instanceId = Assert.Single((await Host.Runtime.DispatchAsync(NodeRegistered("n5"))).StartedInstanceIds);

        var result = await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "x", "scan-999", Json(new { scanId = "scan-999" })));

        Assert.Equal(0, result.ResumedBookmarks);
        Assert.Equal(WorkflowStatus.Suspended, (await Host.Instances.GetAsync(instanceId))!.Status);
    }
}
