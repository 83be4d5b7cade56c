using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Sdk.Notifications;

/// <summary>
/// A configured notification destination ("#sec-alerts on Slack", "on-call PagerDuty"). Each channel renders the
/// message in its own format.
/// </summary>
public interface INotificationChannel : IConnector
{
    /// <summary>
    /// Delivers one message. Throw when it could not be delivered (the console records the failure and retries per its
    /// policy); channels that support deduplication use <see cref="NotificationMessage.DedupKey"/>.
    /// </summary>
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}
