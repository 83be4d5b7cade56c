using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Webhook;

public sealed class WebhookChannelFactory(IHttpClientFactory clients, RetryPolicy retry, TimeProvider time) : IConnectorFactory<INotificationChannel>
{
    public INotificationChannel Create(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new WebhookChannel(
            ChannelSettings.HttpUrl(settings, "url"),
            settings.GetRequiredString("secret"),
            new HttpSender(clients, retry, time, ChannelSettings.Timeout(settings)),
            time);
    }
}
