namespace Vigil.Dashboard.Notifications;

/// <summary>The <c>Vigil:Notifications</c> section: how the delivery worker paces itself.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Vigil:Notifications";

    /// <summary>How often the worker looks for due deliveries and digests when nothing nudges it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per delivery (each one already retries quick failures inside the channel) before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; each further one waits four times longer (30 s, 2 min, 8 min, 32 min).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries in flight at once, so one slow channel cannot hold up the others.</summary>
    public int MaxConcurrentSends { get; set; } = 8;

    /// <summary>How long a claimed delivery stays claimed: after a crash it becomes due again then.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan Backoff(int failedAttempts) =>
        TimeSpan.FromTicks(RetryDelay.Ticks * (long)Math.Pow(4, Math.Clamp(failedAttempts - 1, 0, 8)));
}
