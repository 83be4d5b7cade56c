using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Dashboard.Notifications;

/// <summary>Vigil's lower-case severity words (contracts §3) as notification severities, ordered.</summary>
public static class Severities
{
    public static readonly IReadOnlyList<string> Filterable = ["critical", "high", "medium", "low", "unknown"];

    /// <summary>critical..low, unknown (and none) map to their level; info and anything else to Info.</summary>
    public static NotificationSeverity Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "critical" => NotificationSeverity.Critical,
        "high" => NotificationSeverity.High,
        "medium" => NotificationSeverity.Medium,
        "low" => NotificationSeverity.Low,
        "unknown" or "none" => NotificationSeverity.Unknown,
        _ => NotificationSeverity.Info,
    };

    public static bool AtLeast(string? severity, string minimum) => Parse(severity) >= Parse(minimum);
}
