namespace Vigil.Workflows.Contracts;

/// <summary>
/// Acts on nodes for the Remove node and Add label activities. Implemented by the console: removal goes through the
/// node's cloud connector (cloud-connector issue) and falls back to marking the node removed; both raise domain events.
/// </summary>
public interface INodeActions
{
    /// <summary>Quarantines, terminates or marks a node removed; returns what was actually done, for the journal.</summary>
    Task<string> RemoveAsync(string nodeId, NodeRemovalMode mode, string reason, string requestedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a node on behalf of a person or a flow (the console checks a flow's right to do so: its removal must sit
    /// behind a failed policy). By default the same as the overload without the origin.
    /// </summary>
    Task<string> RemoveAsync(NodeRemovalRequest request, CancellationToken cancellationToken) =>
        RemoveAsync(request.NodeId, request.Mode, request.Reason, request.RequestedBy, cancellationToken);

    /// <summary>Adds (or overwrites) a label on a node.</summary>
    Task AddLabelAsync(string nodeId, string key, string value, string requestedBy, CancellationToken cancellationToken);
}
