using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Notifications.Email;
using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Notifications.Jira;
using Vigil.Plugins.Notifications.PagerDuty;
using Vigil.Plugins.Notifications.Slack;
using Vigil.Plugins.Notifications.Teams;
using Vigil.Plugins.Notifications.Webhook;
using Vigil.Plugins.Sdk;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications;

/// <summary>Registers one factory per channel type of <c>vigil-plugin.json</c>.</summary>
public sealed class NotificationsStartup : IPluginStartup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(RetryPolicy.Default);
        services.AddConnectorFactory<INotificationChannel, WebhookChannelFactory>("webhook");
        services.AddConnectorFactory<INotificationChannel, SlackChannelFactory>("slack");
        services.AddConnectorFactory<INotificationChannel, TeamsChannelFactory>("teams");
        services.AddConnectorFactory<INotificationChannel, EmailChannelFactory>("email");
        services.AddConnectorFactory<INotificationChannel, PagerDutyChannelFactory>("pagerduty");
        services.AddConnectorFactory<INotificationChannel, JiraChannelFactory>("jira");
    }
}
