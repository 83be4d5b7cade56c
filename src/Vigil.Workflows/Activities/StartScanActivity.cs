using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Activities;

/// <summary>Queues a scan of the given nodes (by default: the node of the triggering event).</summary>
[Activity("Vigil.StartScan", "Scanning", "Start scan", Description = "Queues a scan of one or more nodes.")]
[ActivityInput("nodeIds", ActivityValueType.Array, UIHint = "node-picker",
    Description = "Nodes to scan; empty means the trigger's nodeId.")]
[ActivityOutput("scanIds", ActivityValueType.Array)]
[ActivityOutput("scanId", ActivityValueType.String, Description = "The first scan id (the usual single-node case).")]
public sealed class StartScanActivity : IWorkflowActivity
{
    private readonly IScanService _scans;

    /// <summary>Creates the activity.</summary>
    public StartScanActivity(IScanService scans) => _scans = scans;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nodeIds = context.GetInput<string[]>("nodeIds") is { Length: > 0 } given ? given : NodeOfTrigger(context);
        var scanIds = await _scans.StartScansAsync(nodeIds, $"workflow:{context.InstanceId}", context.CancellationToken);
        context.SetOutput("scanIds", scanIds);
        context.SetOutput("scanId", scanIds.Count > 0 ? scanIds[0] : null);
        context.Complete();
    }

    private static string[] NodeOfTrigger(IActivityContext context) =>
        context.TriggerInput is { ValueKind: JsonValueKind.Object } input && input.TryGetProperty("nodeId", out var id)
            && id.ValueKind == JsonValueKind.String
            ? [id.GetString()!]
            : throw new InvalidOperationException("Start scan has no nodeIds and the trigger's payload has no nodeId.");
}
