namespace Vigil.Workflows.Contracts;

/// <summary>
/// Sends notifications for the Notify activity. Implemented by the console through the configured notification channels
/// (until those exist: by writing to the node's event log).
/// </summary>
public interface INotifier
{
    /// <summary>Sends the notification; returns the channels that accepted it, for the journal.</summary>
    Task<IReadOnlyList<string>> NotifyAsync(WorkflowNotification notification, CancellationToken cancellationToken);
}
