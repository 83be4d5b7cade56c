using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Activities;

/// <summary>Adds a label to a node (e.g. <c>vigil/approved=true</c>).</summary>
[Activity("Vigil.AddLabel", "Nodes", "Add label", Description = "Adds or overwrites a label on a node.")]
[ActivityInput("nodeId", ActivityValueType.String, UIHint = "node-picker", Description = "Empty means the trigger's nodeId.")]
[ActivityInput("key", ActivityValueType.String, Required = true, UIHint = "label-picker")]
[ActivityInput("value", ActivityValueType.String, DefaultJson = "\"true\"")]
public sealed class AddLabelActivity : IWorkflowActivity
{
    private readonly INodeActions _nodes;

    /// <summary>Creates the activity.</summary>
    public AddLabelActivity(INodeActions nodes) => _nodes = nodes;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await _nodes.AddLabelAsync(
            NodeIds.Resolve(context),
            context.GetInput<string>("key") ?? throw new InvalidOperationException("Add label needs a key."),
            context.GetInput<string>("value") ?? "true",
            $"workflow:{context.InstanceId}",
            context.CancellationToken);
        context.Complete();
    }
}
