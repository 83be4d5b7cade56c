namespace Vigil.Dashboard.Scheduling;

/// <summary>One row of the Scheduled jobs list: a scan schedule or a workflow's Cron trigger (contracts §11).</summary>
/// <param name="Id">The scan schedule's id, or <c>definitionId/activityId</c> of a Cron trigger.</param>
/// <param name="Kind"><c>scan</c> or <c>workflow</c>.</param>
/// <param name="Name">The schedule's or the workflow's name.</param>
/// <param name="Cron">The 5-field cron as written.</param>
/// <param name="TimeZone">Its IANA time zone.</param>
/// <param name="QuartzCron">The Quartz form the trigger holds; null when the cron is invalid.</param>
/// <param name="Enabled">Whether it fires (a workflow's Cron trigger is listed only while the workflow is enabled).</param>
/// <param name="Target">What a scan schedule scans.</param>
/// <param name="NextFireAt">The trigger's next fire time; null when disabled.</param>
/// <param name="PreviousFireAt">The trigger's last fire time.</param>
/// <param name="LastRun">A scan schedule's newest run.</param>
/// <param name="Upcoming">The next fire times the cron gives, enabled or not, to check it reads as meant.</param>
/// <param name="Error">Why a workflow's Cron trigger is not scheduled.</param>
public sealed record ScheduleItem(
    string Id,
    string Kind,
    string Name,
    string Cron,
    string TimeZone,
    string? QuartzCron,
    bool Enabled,
    ScheduleTarget? Target,
    DateTimeOffset? NextFireAt,
    DateTimeOffset? PreviousFireAt,
    ScheduleRun? LastRun,
    IReadOnlyList<DateTimeOffset> Upcoming,
    string? Error)
{
    public const string Scan = "scan";
    public const string Workflow = "workflow";
    public const int UpcomingShown = 3;
}
