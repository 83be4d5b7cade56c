using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Starts the flow when a node registers for the first time, optionally only for nodes carrying given labels.</summary>
[Activity("Vigil.NodeRegistered", "Triggers", "Node registered", Kind = ActivityKind.Trigger, TriggerEvent = "NodeRegistered",
    Description = "A new node (host, container, image) connected for the first time.")]
[ActivityInput("labels", ActivityValueType.Object, UIHint = "key-value",
    Description = "Every label given here must be on the node with the same value; empty matches every node.")]
[ActivityOutput("event", ActivityValueType.Object, Description = "The NodeRegistered payload: nodeId, nodeName, nodeType, labels, facts.")]
public sealed class NodeRegisteredTrigger : EventTriggerActivity
{
    /// <inheritdoc />
    public override bool Matches(ITriggerMatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wanted = context.GetInput<Dictionary<string, string>>("labels");
        if (wanted is null || wanted.Count == 0)
        {
            return true;
        }

        if (!context.Payload.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return wanted.All(w => labels.TryGetProperty(w.Key, out var value)
            && value.ValueKind == JsonValueKind.String
            && string.Equals(value.GetString(), w.Value, StringComparison.Ordinal));
    }
}
