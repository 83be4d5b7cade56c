using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Teams;

/// <summary>Posts an Adaptive Card to a Microsoft Teams workflow webhook.</summary>
public sealed class TeamsChannel(Uri webhookUrl, HttpSender sender) : INotificationChannel
{
    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        sender.SendAsync("Teams", () => JsonPost.To(webhookUrl, AdaptiveCard.Build(message)), cancellationToken);

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        await SendAsync(TestMessage.For("Teams"), cancellationToken).ConfigureAwait(false);
        return ConnectionTestResult.Ok("Teams accepted a test card.");
    }
}
