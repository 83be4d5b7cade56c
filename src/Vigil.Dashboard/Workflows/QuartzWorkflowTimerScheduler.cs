using Quartz;
using Vigil.Dashboard.Scheduling;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Delay and Timer bookmarks on Quartz's persistent store: one one-shot job per bookmark that survives restarts and,
/// when it was due while the console was down, fires once on start (misfire: fire now). A second fire is harmless: the
/// engine consumes a bookmark exactly once.
/// </summary>
public sealed class QuartzWorkflowTimerScheduler(VigilScheduler scheduler) : IWorkflowTimerScheduler
{
    public async Task ScheduleAsync(string bookmarkId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var quartz = await scheduler.GetAsync(cancellationToken);
        var job = JobBuilder.Create<WorkflowTimerJob>()
            .WithIdentity(KeyOf(bookmarkId))
            .UsingJobData(WorkflowTimerJob.BookmarkIdKey, bookmarkId)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(bookmarkId, SchedulingServices.WorkflowTimersGroup)
            .StartAt(dueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await quartz.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    public async Task UnscheduleAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken)
    {
        if (bookmarkIds.Count == 0)
        {
            return;
        }

        var quartz = await scheduler.GetAsync(cancellationToken);
        await quartz.DeleteJobs(bookmarkIds.Select(KeyOf).ToArray(), cancellationToken);
    }

    private static JobKey KeyOf(string bookmarkId) => new(bookmarkId, SchedulingServices.WorkflowTimersGroup);
}
