using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Plugins.Notifications.Http;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Webhook;

/// <summary>POSTs the message as JSON, signed and timestamped (see <see cref="WebhookSignature"/>).</summary>
public sealed class WebhookChannel(Uri url, string secret, HttpSender sender, TimeProvider time) : INotificationChannel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            timestamp,
            message.Title,
            message.Text,
            message.Severity,
            Link = message.Link?.AbsoluteUri,
            message.Facts,
            message.DedupKey,
        }, Json);
        var signature = WebhookSignature.Sign(secret, body);
        await sender.SendAsync("the webhook", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, signature);
            request.Headers.UserAgent.ParseAdd("Vigil-Notifications/1.0");
            return request;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        await SendAsync(TestMessage.For("webhook"), cancellationToken).ConfigureAwait(false);
        return ConnectionTestResult.Ok("The webhook accepted a signed test message.");
    }
}
