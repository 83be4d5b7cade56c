using System.Security.Cryptography;
using System.Text;

namespace Vigil.Plugins.Notifications.Webhook;

/// <summary>
/// <c>X-Vigil-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>. The body carries the same
/// <c>timestamp</c> as <c>X-Vigil-Timestamp</c>, so the signature covers it: receivers verify the signature, then
/// reject deliveries older than a few minutes to defeat replays.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Vigil-Signature";
    public const string TimestampHeader = "X-Vigil-Timestamp";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
