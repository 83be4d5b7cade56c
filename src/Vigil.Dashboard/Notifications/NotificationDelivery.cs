namespace Vigil.Dashboard.Notifications;

/// <summary>One message to one channel, as the delivery log shows it.</summary>
/// <remarks>
/// Status: pending (queued or waiting to retry), sending, delivered or failed (attempts exhausted).<br/>
/// ResponseCode: The remote's last failing response code (HTTP status, SMTP reply), when it gave one.<br/>
/// </remarks>
public sealed record NotificationDelivery(
    string Id,
    string IntegrationId,
    string ChannelName,
    string? RuleId,
    string? RuleName,
    string EventType,
    string Title,
    string Status,
    int Attempts,
    string? LastError,
    int? ResponseCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt);

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
