using System.Text.Json;
using Quartz;
using Vigil.Dashboard.Scheduling;
using Vigil.Workflows.Activities;
using Vigil.Workflows.Persistence;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Keeps one Quartz cron trigger per Cron trigger of every published, enabled definition: synced at start and after
/// each publish, enable and disable. The sync reads the trigger index, so it is idempotent and safe to repeat.
/// </summary>
public sealed class WorkflowCronTriggers(
    WorkflowDefinitionStore definitions, VigilScheduler scheduler, ILogger<WorkflowCronTriggers> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A Cron trigger as the scheduler sees it: the definition's trigger and its schedule, or why it has none.</summary>
    public sealed record Entry(string DefinitionId, string ActivityId, string Cron, string TimeZone, CronSchedule? Schedule, string? Error);

    /// <summary>The Cron triggers of published, enabled definitions.</summary>
    public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<Entry>();
        foreach (var trigger in await definitions.FindTriggersAsync(CronTrigger.EventType, cancellationToken))
        {
            using var inputs = JsonDocument.Parse(trigger.InputsJson);
            var cron = Literal(inputs.RootElement, "cron") ?? "";
            var zone = Literal(inputs.RootElement, "timeZone") ?? "UTC";
            try
            {
                entries.Add(new Entry(trigger.DefinitionId, trigger.ActivityId, cron, zone, CronSchedule.Parse(cron, zone), null));
            }
            catch (CronScheduleException ex)
            {
                entries.Add(new Entry(trigger.DefinitionId, trigger.ActivityId, cron, zone, null, ex.Message));
            }
        }

        return entries;
    }

    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var quartz = await scheduler.GetAsync(cancellationToken);
            var wanted = new HashSet<TriggerKey>();
            foreach (var entry in await ListAsync(cancellationToken))
            {
                if (entry.Schedule is not { } schedule)
                {
                    logger.LogWarning("Workflow {Definition} trigger {Activity} is not scheduled: {Error}", entry.DefinitionId, entry.ActivityId, entry.Error);
                    continue;
                }

                var key = new TriggerKey(KeyName(entry.DefinitionId, entry.ActivityId), SchedulingServices.WorkflowCronGroup);
                wanted.Add(key);
                if (await quartz.GetTrigger(key, cancellationToken) is ICronTrigger current
                    && current.CronExpressionString == schedule.QuartzExpression && current.TimeZone.Id == schedule.TimeZone.Id)
                {
                    continue;
                }

                var job = JobBuilder.Create<WorkflowCronJob>()
                    .WithIdentity(key.Name, key.Group)
                    .UsingJobData(WorkflowCronJob.DefinitionIdKey, entry.DefinitionId)
                    .UsingJobData(WorkflowCronJob.ActivityIdKey, entry.ActivityId)
                    .Build();
                var trigger = TriggerBuilder.Create()
                    .WithIdentity(key)
                    .WithCronSchedule(schedule.QuartzExpression, c => c.InTimeZone(schedule.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                    .Build();
                await quartz.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
            }

            var stale = (await quartz.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(SchedulingServices.WorkflowCronGroup), cancellationToken))
                .Where(k => !wanted.Contains(k))
                .Select(k => new JobKey(k.Name, k.Group))
                .ToArray();
            if (stale.Length > 0)
            {
                await quartz.DeleteJobs(stale, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public static string KeyName(string definitionId, string activityId) => $"{definitionId}/{activityId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SyncAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Scheduling the workflows' Cron triggers failed");
        }
    }

    private static string? Literal(JsonElement inputs, string name) =>
        inputs.TryGetProperty(name, out var input) && input.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
