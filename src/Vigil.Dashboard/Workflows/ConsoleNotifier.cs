using Vigil.Core.Events;
using Vigil.Core.Storage;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Notifications;
using Vigil.Plugins.Sdk.Manifest;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Notify for flows: records the notification as an event, which lands on the node's timeline and on the live wall,
/// and which the notification router delivers: to the channels the flow names, or, when it names none, through the
/// rules subscribed to workflow notifications. Delivery is queued, so a failing channel never fails the flow.
/// </summary>
public sealed class ConsoleNotifier(IDbConnectionFactory db, EventOutbox outbox, IntegrationStore integrations, NotificationRuleStore rules) : INotifier
{
    public const string TimelineChannel = "timeline";

    /// <exception cref="InvalidOperationException">A named channel is not a configured notification channel.</exception>
    public async Task<IReadOnlyList<string>> NotifyAsync(WorkflowNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var channels = (await integrations.ListAsync(cancellationToken)).Where(i => i.Kind == PluginKinds.Notification).ToArray();
        var named = notification.Channels.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (named.FirstOrDefault(n => !channels.Any(c => c.Name == n || c.Id == n)) is { } unknown)
        {
            throw new InvalidOperationException(
                $"'{unknown}' is not a configured notification channel (configured: {(channels.Length == 0 ? "none" : string.Join(", ", channels.Select(c => c.Name)))})");
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await outbox.AppendAsync(connection, transaction, new NotificationRecorded(
            notification.NodeId, notification.Title, notification.Text, notification.Severity, "workflow", notification.DedupKey) { Channels = named });
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return [TimelineChannel, .. named.Length > 0 ? named : await RuleChannelsAsync(notification.Severity, channels, cancellationToken)];
    }

    /// <summary>For the journal: the channels the rules will use (their filters on labels are applied by the router).</summary>
    private async Task<IEnumerable<string>> RuleChannelsAsync(string severity, IReadOnlyList<Integration> channels, CancellationToken cancellationToken)
    {
        var ids = (await rules.ListAsync(cancellationToken))
            .Where(r => r.Enabled && r.Events.Contains(NotificationEventKinds.FlowNotification) && Severities.AtLeast(severity, r.MinSeverity))
            .SelectMany(r => r.Channels).ToHashSet(StringComparer.Ordinal);
        return channels.Where(c => ids.Contains(c.Id)).Select(c => c.Name);
    }
}
