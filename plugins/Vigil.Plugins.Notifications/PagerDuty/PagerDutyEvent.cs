using System.Text.Json.Nodes;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.PagerDuty;

/// <summary>
/// An Events API v2 <c>trigger</c> event. The dedup key is the message's (one per finding or condition), so a repeat
/// updates the open incident instead of paging again; without one PagerDuty assigns its own.
/// </summary>
public static class PagerDutyEvent
{
    private const int MaxSummary = 1024;

    /// <summary>PagerDuty knows critical, error, warning and info.</summary>
    public static string Severity(NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Critical => "critical",
        NotificationSeverity.High => "error",
        NotificationSeverity.Medium => "warning",
        _ => "info",
    };

    public static JsonObject Trigger(string routingKey, NotificationMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var details = new JsonObject { ["text"] = message.Text };
        foreach (var fact in message.Facts)
        {
            details[fact.Name] = fact.Value;
        }

        var trigger = new JsonObject
        {
            ["routing_key"] = routingKey,
            ["event_action"] = "trigger",
            ["payload"] = new JsonObject
            {
                ["summary"] = message.Title.Length <= MaxSummary ? message.Title : message.Title[..(MaxSummary - 1)] + "…",
                ["source"] = "vigil",
                ["severity"] = Severity(message.Severity),
                ["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["custom_details"] = details,
            },
            ["client"] = "Vigil",
        };
        if (message.DedupKey is { Length: > 0 } dedupKey)
        {
            trigger["dedup_key"] = dedupKey.Length <= 255 ? dedupKey : dedupKey[..255];
        }

        if (message.Link is { } link)
        {
            trigger["client_url"] = link.AbsoluteUri;
            trigger["links"] = new JsonArray(new JsonObject { ["href"] = link.AbsoluteUri, ["text"] = "Open in Vigil" });
        }

        return trigger;
    }
}
