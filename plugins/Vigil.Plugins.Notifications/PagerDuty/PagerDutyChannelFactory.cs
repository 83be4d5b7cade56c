using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.PagerDuty;

public sealed class PagerDutyChannelFactory(IHttpClientFactory clients, RetryPolicy retry, TimeProvider time) : IConnectorFactory<INotificationChannel>
{
    public INotificationChannel Create(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseUrl = settings.Has("eventsUrl") ? ChannelSettings.HttpUrl(settings, "eventsUrl") : new Uri("https://events.pagerduty.com/");
        return new PagerDutyChannel(
            new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"),
            settings.GetRequiredString("routingKey"),
            new HttpSender(clients, retry, time, ChannelSettings.Timeout(settings)),
            time);
    }
}
