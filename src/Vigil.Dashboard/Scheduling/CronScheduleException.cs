namespace Vigil.Dashboard.Scheduling;

/// <summary>A cron expression or time zone that cannot be scheduled; the message is meant for the user.</summary>
public sealed class CronScheduleException(string message) : Exception(message);
