namespace Vigil.Workflows.Contracts;

/// <summary>A message a flow sends (mapped by the host onto the SDK's NotificationMessage, CONTRACTS.md §9).</summary>
/// <param name="Title">Short title.</param>
/// <param name="Text">Body text.</param>
/// <param name="Severity">critical, high, medium, low, info.</param>
/// <param name="NodeId">The node it concerns, when any (links and the node's event log).</param>
/// <param name="Channels">Configured channel names to use; empty means every channel subscribed to workflow notifications.</param>
/// <param name="DedupKey">Suppresses repeats of the same notification.</param>
public sealed record WorkflowNotification(
    string Title,
    string Text,
    string Severity,
    string? NodeId,
    IReadOnlyList<string> Channels,
    string? DedupKey);
