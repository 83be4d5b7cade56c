using Vigil.Core.Nodes;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Remove node and Add label for flows. No cloud connector is consulted yet, so every removal mode marks the node
/// removed in Vigil (its agent is refused from then on) and says so in the journal.
/// </summary>
public sealed class ConsoleNodeActions(NodeAdministration nodes) : INodeActions
{
    public async Task<string> RemoveAsync(string nodeId, NodeRemovalMode mode, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        var changed = await nodes.MarkRemovedAsync(nodeId, requestedBy, reason, cancellationToken);
        var what = changed ? "marked removed in Vigil" : "was already removed";
        return mode == NodeRemovalMode.MarkRemoved
            ? $"Node {what}."
            : $"No cloud connector manages this node, so it could not be {(mode == NodeRemovalMode.Quarantine ? "quarantined" : "terminated")}; it {what}.";
    }

    public Task AddLabelAsync(string nodeId, string key, string value, string requestedBy, CancellationToken cancellationToken) =>
        nodes.SetLabelAsync(nodeId, key, value, requestedBy, cancellationToken);
}
