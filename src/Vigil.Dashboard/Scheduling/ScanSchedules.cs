using System.Text.RegularExpressions;
using Quartz;

namespace Vigil.Dashboard.Scheduling;

/// <summary>
/// Creating, changing, enabling and deleting scan schedules, each kept in step with its Quartz cron trigger: an
/// enabled schedule has one, a disabled one has none. At start every schedule is synced again.
/// </summary>
public sealed partial class ScanSchedules(ScanScheduleStore store, VigilScheduler scheduler, TimeProvider time, ILogger<ScanSchedules> logger) : BackgroundService
{
    /// <summary>Validates and stores the schedule, then syncs its trigger.</summary>
    /// <exception cref="InputValidationException">Every problem of the draft; nothing was written.</exception>
    public async Task<(ScanSchedule Schedule, bool Created)> SaveAsync(string id, ScanScheduleDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IdPattern().IsMatch(id))
        {
            errors["id"] = ["An id is 1-100 letters, digits, '-' or '_'."];
        }

        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
        {
            errors["name"] = ["A schedule needs a name of at most 200 characters."];
        }

        var zone = string.IsNullOrWhiteSpace(draft.TimeZone) ? "UTC" : draft.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors["timeZone"] = [$"Unknown time zone \"{zone}\": use an IANA name such as UTC, Europe/Paris or America/New_York."];
            zone = "UTC";
        }

        CronSchedule? cron = null;
        try
        {
            cron = CronSchedule.Parse(draft.Cron ?? "", zone);
        }
        catch (CronScheduleException ex)
        {
            errors["cron"] = [ex.Message];
        }

        if ((draft.Target ?? new ScheduleTarget("")).Problem() is { } targetProblem)
        {
            errors["target"] = [targetProblem];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var now = time.GetUtcNow();
        var existing = await store.GetAsync(id, cancellationToken);
        var schedule = new ScanSchedule
        {
            Id = id,
            Name = draft.Name!.Trim(),
            Cron = cron!.Expression,
            TimeZone = cron.TimeZone.Id,
            QuartzCron = cron.QuartzExpression,
            Target = draft.Target!,
            Enabled = draft.Enabled,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        var created = await store.SaveAsync(schedule, cancellationToken);
        await SyncAsync(schedule, cancellationToken);
        return (schedule, created);
    }

    public async Task<ScanSchedule?> SetEnabledAsync(string id, bool enabled, string actor, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } schedule)
        {
            return null;
        }

        schedule = schedule with { Enabled = enabled, UpdatedAt = time.GetUtcNow(), UpdatedBy = actor };
        await store.SaveAsync(schedule, cancellationToken);
        await SyncAsync(schedule, cancellationToken);
        return schedule;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var quartz = await scheduler.GetAsync(cancellationToken);
        await quartz.DeleteJob(JobKeyOf(id), cancellationToken);
        return await store.DeleteAsync(id, cancellationToken);
    }

    /// <summary>The next and previous fire time of the schedule's trigger; nulls when it has none (disabled).</summary>
    public async Task<(DateTimeOffset? Next, DateTimeOffset? Previous)> FireTimesAsync(string id, CancellationToken cancellationToken = default)
    {
        var quartz = await scheduler.GetAsync(cancellationToken);
        var trigger = await quartz.GetTrigger(new TriggerKey(id, SchedulingServices.ScanSchedulesGroup), cancellationToken);
        return (trigger?.NextFireTimeUtc, trigger?.PreviousFireTimeUtc);
    }

    private async Task SyncAsync(ScanSchedule schedule, CancellationToken cancellationToken)
    {
        var quartz = await scheduler.GetAsync(cancellationToken);
        if (!schedule.Enabled)
        {
            await quartz.DeleteJob(JobKeyOf(schedule.Id), cancellationToken);
            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var key = new TriggerKey(schedule.Id, SchedulingServices.ScanSchedulesGroup);
        if (await quartz.GetTrigger(key, cancellationToken) is ICronTrigger current && current.CronExpressionString == schedule.QuartzCron && current.TimeZone.Id == zone.Id)
        {
            return;
        }

        var job = JobBuilder.Create<ScanScheduleJob>()
            .WithIdentity(JobKeyOf(schedule.Id))
            .WithDescription(schedule.Name)
            .UsingJobData(ScanScheduleJob.ScheduleIdKey, schedule.Id)
            .Build();
        // A run missed while the console was down happens once when it comes back, not once per missed time.
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .WithCronSchedule(schedule.QuartzCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await quartz.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var schedule in await store.ListAsync(stoppingToken))
            {
                await SyncAsync(schedule, stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Scheduling the scan schedules failed");
        }
    }

    private static JobKey JobKeyOf(string id) => new(id, SchedulingServices.ScanSchedulesGroup);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex IdPattern();
}
