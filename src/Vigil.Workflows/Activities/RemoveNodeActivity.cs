using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Activities;

/// <summary>Quarantines or terminates a node's machine through its cloud connector, or marks the node removed.</summary>
[Activity("Vigil.RemoveNode", "Nodes", "Remove node", Description = "Quarantines, terminates or marks a node removed.")]
[ActivityInput("nodeId", ActivityValueType.String, UIHint = "node-picker", Description = "Empty means the trigger's nodeId.")]
[ActivityInput("mode", ActivityValueType.String, Options = ["quarantine", "terminate", "markRemoved"], DefaultJson = "\"quarantine\"")]
[ActivityInput("reason", ActivityValueType.String, Required = true)]
[ActivityOutput("action", ActivityValueType.String, Description = "What was done.")]
public sealed class RemoveNodeActivity : IWorkflowActivity
{
    private readonly INodeActions _nodes;

    /// <summary>Creates the activity.</summary>
    public RemoveNodeActivity(INodeActions nodes) => _nodes = nodes;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mode = context.GetInput<string>("mode") switch
        {
            "terminate" => NodeRemovalMode.Terminate,
            "markRemoved" => NodeRemovalMode.MarkRemoved,
            _ => NodeRemovalMode.Quarantine,
        };
        var request = new NodeRemovalRequest(NodeIds.Resolve(context), mode, context.GetInput<string>("reason") ?? "", $"workflow:{context.InstanceId}")
        {
            Workflow = new WorkflowOrigin(context.DefinitionId, context.InstanceId, context.ActivityId),
        };
        var action = await _nodes.RemoveAsync(request, context.CancellationToken);
        context.SetOutput("action", action);
        context.Complete();
    }
}
