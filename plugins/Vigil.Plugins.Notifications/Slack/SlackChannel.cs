using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Slack;

/// <summary>Posts to a Slack incoming webhook.</summary>
public sealed class SlackChannel(Uri webhookUrl, HttpSender sender) : INotificationChannel
{
    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        sender.SendAsync("Slack", () => JsonPost.To(webhookUrl, SlackBlocks.Build(message)), cancellationToken);

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        await SendAsync(TestMessage.For("Slack"), cancellationToken).ConfigureAwait(false);
        return ConnectionTestResult.Ok("Slack accepted a test message.");
    }
}
