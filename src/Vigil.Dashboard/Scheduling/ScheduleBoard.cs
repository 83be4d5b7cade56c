using Quartz;
using Vigil.Dashboard.Workflows;
using Vigil.Workflows.Persistence;

namespace Vigil.Dashboard.Scheduling;

/// <summary>Every schedule the console runs, for the Scheduled jobs page and <c>GET /api/v1/schedules</c>.</summary>
public sealed class ScheduleBoard(
    ScanScheduleStore scans, ScanSchedules scanSchedules, WorkflowCronTriggers workflowCron, WorkflowDefinitionStore definitions, VigilScheduler scheduler, TimeProvider time)
{
    public async Task<IReadOnlyList<ScheduleItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var items = new List<ScheduleItem>();
        foreach (var schedule in await scans.ListAsync(cancellationToken))
        {
            items.Add(await ScanItemAsync(schedule, now, cancellationToken));
        }

        var quartz = await scheduler.GetAsync(cancellationToken);
        foreach (var entry in await workflowCron.ListAsync(cancellationToken))
        {
            var trigger = await quartz.GetTrigger(
                new TriggerKey(WorkflowCronTriggers.KeyName(entry.DefinitionId, entry.ActivityId), SchedulingServices.WorkflowCronGroup), cancellationToken);
            var name = (await definitions.FindSummaryAsync(entry.DefinitionId, cancellationToken))?.Name ?? entry.DefinitionId;
            items.Add(new ScheduleItem(
                WorkflowCronTriggers.KeyName(entry.DefinitionId, entry.ActivityId), ScheduleItem.Workflow, name, entry.Cron, entry.TimeZone,
                entry.Schedule?.QuartzExpression, entry.Schedule is not null, null, trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc, null,
                entry.Schedule?.NextFireTimes(now, ScheduleItem.UpcomingShown) ?? [], entry.Error));
        }

        return items;
    }

    public async Task<ScheduleItem> ScanItemAsync(ScanSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (next, previous) = await scanSchedules.FireTimesAsync(schedule.Id, cancellationToken);
        var lastRun = (await scans.ListRunsAsync(schedule.Id, 1, cancellationToken)).FirstOrDefault();
        var upcoming = CronSchedule.Parse(schedule.Cron, schedule.TimeZone).NextFireTimes(now, ScheduleItem.UpcomingShown);
        return new ScheduleItem(
            schedule.Id, ScheduleItem.Scan, schedule.Name, schedule.Cron, schedule.TimeZone, schedule.QuartzCron, schedule.Enabled, schedule.Target,
            next, previous ?? lastRun?.FiredAt, lastRun, upcoming, null);
    }
}
