namespace Vigil.Dashboard.Scheduling;

/// <summary>A scan schedule as stored (<c>scan_schedules</c>).</summary>
public sealed record ScanSchedule
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The 5-field cron the user wrote.</summary>
    public required string Cron { get; init; }

    /// <summary>IANA time zone the cron is read in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The same schedule in Quartz's form, as its trigger holds it.</summary>
    public required string QuartzCron { get; init; }

    public required ScheduleTarget Target { get; init; }

    public bool Enabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string UpdatedBy { get; init; } = "";
}
