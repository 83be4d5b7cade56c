namespace Vigil.Workflows.Contracts;

/// <summary>
/// Acts on nodes for the Remove node and Add label activities. Implemented by the console: removal goes through the
/// node's cloud connector (cloud-connector issue) and falls back to marking the node removed; both raise domain events.
/// </summary>
public interface INodeActions
{
    /// <summary>Quarantines, terminates or marks a node removed; returns what was actually done, for the journal.</summary>
    Task<string> RemoveAsync(string nodeId, NodeRemovalMode mode, string reason, string requestedBy, CancellationToken cancellationToken);

    /// <summary>Adds (or overwrites) a label on a node.</summary>
    Task AddLabelAsync(string nodeId, string key, string value, string requestedBy, CancellationToken cancellationToken);
}
