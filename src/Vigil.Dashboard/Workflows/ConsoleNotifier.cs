using Vigil.Core.Events;
using Vigil.Core.Storage;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Notify for flows: records the notification as an event, which lands on the node's timeline and on the live wall.
/// Delivery through notification channels builds on the same event.
/// </summary>
public sealed class ConsoleNotifier(IDbConnectionFactory db, EventOutbox outbox) : INotifier
{
    public const string TimelineChannel = "timeline";

    public async Task<IReadOnlyList<string>> NotifyAsync(WorkflowNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await outbox.AppendAsync(connection, transaction, new NotificationRecorded(
            notification.NodeId, notification.Title, notification.Text, notification.Severity, "workflow", notification.DedupKey));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return [TimelineChannel];
    }
}
