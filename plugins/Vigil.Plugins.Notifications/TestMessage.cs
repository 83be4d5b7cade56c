using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications;

/// <summary>What "Test connection" sends on channels that can only be tested by sending.</summary>
public static class TestMessage
{
    public static NotificationMessage For(string instanceName) => new(
        "Vigil connection test",
        $"This is a test message for the notification channel '{instanceName}'. No action is needed.",
        NotificationSeverity.Info,
        null,
        [new NotificationFact("Channel", instanceName)],
        null);
}
