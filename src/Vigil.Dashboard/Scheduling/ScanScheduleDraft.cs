namespace Vigil.Dashboard.Scheduling;

/// <summary>A scan schedule as the API and the page submit it; <see cref="ScanSchedules.SaveAsync"/> validates it.</summary>
public sealed record ScanScheduleDraft(string? Name, string? Cron, string? TimeZone, ScheduleTarget? Target, bool Enabled = false);
