using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications;

public static class SeverityText
{
    /// <summary>Lower-case, as Vigil writes severities everywhere (contracts §3).</summary>
    public static string Of(NotificationSeverity severity) => severity.ToString().ToLowerInvariant();

    public static bool IsUrgent(NotificationSeverity severity) => severity >= NotificationSeverity.High;
}
