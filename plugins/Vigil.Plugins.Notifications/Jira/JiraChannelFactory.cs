using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Jira;

public sealed class JiraChannelFactory(IHttpClientFactory clients, RetryPolicy retry, TimeProvider time) : IConnectorFactory<INotificationChannel>
{
    public INotificationChannel Create(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseUrl = ChannelSettings.HttpUrl(settings, "baseUrl");
        var labels = settings.GetStringList("labels");
        if (labels.FirstOrDefault(l => l.Any(char.IsWhiteSpace)) is { } bad)
        {
            throw new ConnectorSettingsException("labels", $"Jira labels cannot contain spaces ('{bad}')");
        }

        return new JiraChannel(
            new JiraOptions(
                new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"),
                settings.GetString("apiVersion") ?? "3",
                settings.GetString("email"),
                settings.GetRequiredString("apiToken"),
                settings.GetRequiredString("projectKey"),
                settings.GetString("issueType") ?? "Task",
                labels),
            new HttpSender(clients, retry, time, ChannelSettings.Timeout(settings)));
    }
}
