using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.PagerDuty;

/// <summary>Triggers incidents through PagerDuty's Events API v2 (<c>POST /v2/enqueue</c>).</summary>
public sealed class PagerDutyChannel(Uri eventsUrl, string routingKey, HttpSender sender, TimeProvider time) : INotificationChannel
{
    private readonly Uri _enqueue = new(eventsUrl, "v2/enqueue");

    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        sender.SendAsync("PagerDuty", () => JsonPost.To(_enqueue, PagerDutyEvent.Trigger(routingKey, message, time.GetUtcNow())), cancellationToken);

    /// <summary>The Events API has no read-only call: checking the key would page someone, so only the settings are checked.</summary>
    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(routingKey.Length == 32 && routingKey.All(char.IsAsciiLetterOrDigit)
            ? ConnectionTestResult.Ok("The routing key is well-formed. PagerDuty offers no test call that does not trigger an incident: use Send test to raise a real one.")
            : ConnectionTestResult.Failed("A PagerDuty integration key is 32 letters and digits."));
}
