namespace Vigil.Plugins.Sdk.Notifications;

/// <summary>The urgency of a notification, matching Vigil's finding severities plus <see cref="Info"/>.</summary>
public enum NotificationSeverity
{
    /// <summary>Information, no action needed.</summary>
    Info,

    /// <summary>Severity not known.</summary>
    Unknown,

    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical.</summary>
    Critical,
}
