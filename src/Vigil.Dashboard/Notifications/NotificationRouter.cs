using System.Security.Cryptography;
using System.Text;
using Vigil.Core.Events;
using Vigil.Core.Storage;
using Vigil.Dashboard.Integrations;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Notifications;

/// <summary>
/// Turns domain events into queued deliveries (or digest items) per matching rule and channel. It only writes rows:
/// sending happens in <see cref="NotificationWorker"/>, so a slow or failing channel never holds up the outbox, scans
/// or other subscribers. Keys built from the event id make the outbox's redelivery queue nothing twice.
/// </summary>
public sealed class NotificationRouter(
    IDbConnectionFactory db,
    NotificationRuleStore rules,
    IntegrationStore integrations,
    EventNotifications composer,
    DeliveryQueue deliveries,
    DigestQueue digests,
    NotificationSignal signal,
    ILogger<NotificationRouter> logger) : IDomainEventSubscriber
{
    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (EventNotifications.KindOf(domainEvent) is not { } kind)
        {
            return;
        }

        var channels = (await integrations.ListAsync(cancellationToken)).Where(i => i.Kind == PluginKinds.Notification).ToArray();
        var queued = domainEvent is NotificationRecorded { Channels.Count: > 0 } named
            ? await RouteToNamedAsync(named, channels, cancellationToken)
            : await RouteByRulesAsync(domainEvent, kind, channels, cancellationToken);
        if (queued > 0)
        {
            signal.Notify();
        }
    }

    private async Task<int> RouteToNamedAsync(NotificationRecorded notification, IReadOnlyList<Integration> channels, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var name in notification.Channels.Distinct(StringComparer.Ordinal))
        {
            if (channels.FirstOrDefault(c => c.Name == name || c.Id == name) is not { } channel)
            {
                logger.LogWarning("A flow notification names channel {Channel}, which is not a configured notification channel", name);
                continue;
            }

            foreach (var composed in composer.Compose(notification, null))
            {
                await deliveries.EnqueueAsync($"{notification.Id}:named:{channel.Id}", channel.Id, channel.Name, null, null, notification.Type, composed.Message, cancellationToken);
                queued++;
            }
        }

        return queued;
    }

    private async Task<int> RouteByRulesAsync(DomainEvent domainEvent, string kind, IReadOnlyList<Integration> channels, CancellationToken cancellationToken)
    {
        var subscribed = (await rules.ListAsync(cancellationToken)).Where(r => r.Enabled && r.Events.Contains(kind)).ToArray();
        if (subscribed.Length == 0)
        {
            return 0;
        }

        var node = EventNotifications.NodeIdOf(domainEvent) is { } nodeId ? await NodeSubject.LoadAsync(db, nodeId, cancellationToken) : null;
        var queued = 0;
        foreach (var rule in subscribed.Where(r => RuleFilter.Passes(r, node)))
        {
            var messages = composer.Compose(domainEvent, rule);
            foreach (var channel in channels.Where(c => rule.Channels.Contains(c.Id)))
            {
                foreach (var composed in messages)
                {
                    var key = $"{domainEvent.Id}:{rule.Id}:{channel.Id}{PartKey(composed.Part)}";
                    if (rule.DigestMinutes > 0)
                    {
                        await digests.AddAsync(key, rule.Id, channel.Id, TimeSpan.FromMinutes(rule.DigestMinutes), composed.Message, cancellationToken);
                    }
                    else
                    {
                        await deliveries.EnqueueAsync(key, channel.Id, channel.Name, rule.Id, rule.Name, domainEvent.Type, composed.Message, cancellationToken);
                        queued++;
                    }
                }
            }
        }

        return queued;
    }

    /// <summary>Finding keys can be long; the key column is bounded, so the part is hashed.</summary>
    private static string PartKey(string part) =>
        part.Length == 0 ? "" : ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(part)))[..24];
}
