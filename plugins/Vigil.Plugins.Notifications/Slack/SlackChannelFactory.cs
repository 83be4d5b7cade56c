using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Slack;

public sealed class SlackChannelFactory(IHttpClientFactory clients, RetryPolicy retry, TimeProvider time) : IConnectorFactory<INotificationChannel>
{
    public INotificationChannel Create(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SlackChannel(ChannelSettings.HttpUrl(settings, "webhookUrl"), new HttpSender(clients, retry, time, ChannelSettings.Timeout(settings)));
    }
}
