using Vigil.Dashboard.Integrations;
using Vigil.Plugins.Sdk.Manifest;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Dashboard.Notifications;

/// <summary>"Send test": queues a clearly-labelled message to one channel, which then shows in the delivery log like any other.</summary>
public sealed class NotificationTests(IntegrationStore integrations, DeliveryQueue deliveries, NotificationSignal signal, PublicLinks links)
{
    /// <returns>The queued delivery, or null when no notification channel has that id.</returns>
    public async Task<NotificationDelivery?> SendAsync(string integrationId, string actor, CancellationToken cancellationToken = default)
    {
        if (await integrations.GetAsync(integrationId, cancellationToken) is not { Kind: PluginKinds.Notification } channel)
        {
            return null;
        }

        var message = new NotificationMessage(
            "Test notification from Vigil",
            $"{actor} sent this test to check that notifications reach '{channel.Name}'. No action is needed.",
            NotificationSeverity.Info,
            links.Page("integrations/notifications"),
            [new("Channel", channel.Name), new("Sent by", actor)],
            null);
        var id = await deliveries.EnqueueAsync($"test:{Guid.CreateVersion7():N}", channel.Id, channel.Name, null, null, "Test", message, cancellationToken);
        signal.Notify();
        return await deliveries.GetAsync(id!, cancellationToken);
    }
}
