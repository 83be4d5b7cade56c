using Quartz;
using Vigil.Dashboard.Registries;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Scheduling;

/// <summary>
/// One run of a scan schedule: resolves its target now, asks the scan service for one scan per node (which answers
/// with the running scan for a node already being scanned, never a duplicate), and records the run and its scans.
/// The run id is the schedule and fire time, so a trigger fired twice for one time records and starts one run.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScanScheduleJob(
    ScanScheduleStore store, ScheduleTargetResolver resolver, IServiceProvider services, TimeProvider time, ILogger<ScanScheduleJob> logger) : IJob
{
    public const string ScheduleIdKey = "scheduleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scheduleId = context.MergedJobDataMap.GetString(ScheduleIdKey)!;
        var firedAt = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).ToUniversalTime();
        await RunAsync(scheduleId, firedAt, cancellationToken);
    }

    public async Task<ScheduleRun?> RunAsync(string scheduleId, DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        var schedule = await store.GetAsync(scheduleId, cancellationToken);
        var runId = $"{scheduleId}@{firedAt:yyyyMMddTHHmmssZ}";
        if (schedule is not { Enabled: true } || (await store.ListRunsAsync(scheduleId, 5, cancellationToken)).Any(r => r.Id == runId))
        {
            return null;
        }

        if (schedule.Target.Kind == ScheduleTarget.RegistryImages)
        {
            var registryRun = await RunRegistryAsync(schedule, runId, firedAt, cancellationToken);
            await store.AddRunAsync(registryRun, cancellationToken);
            return registryRun;
        }

        var nodes = await resolver.ResolveAsync(schedule.Target, cancellationToken);
        ScheduleRun run;
        if (nodes.Count == 0)
        {
            run = new ScheduleRun(runId, scheduleId, firedAt, time.GetUtcNow(), ScheduleRun.NoNodes, 0, null, []);
        }
        else if (services.GetService<IScanService>() is not { } scans)
        {
            run = new ScheduleRun(runId, scheduleId, firedAt, time.GetUtcNow(), ScheduleRun.Failed, nodes.Count,
                "This console cannot start scans: no scan service is installed.", []);
        }
        else
        {
            try
            {
                var ids = await scans.StartScansAsync(nodes.Select(n => n.Id).ToArray(), $"schedule:{scheduleId}", cancellationToken);
                run = new ScheduleRun(runId, scheduleId, firedAt, time.GetUtcNow(), ScheduleRun.Started, nodes.Count, null,
                    ids.Zip(nodes, (id, node) => new ScheduleRunScan(id, node.Id)).DistinctBy(s => s.ScanId).ToArray());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Schedule {Schedule} could not start its scans", scheduleId);
                run = new ScheduleRun(runId, scheduleId, firedAt, time.GetUtcNow(), ScheduleRun.Failed, nodes.Count, "Starting the scans failed: " + ex.Message, []);
            }
        }

        await store.AddRunAsync(run, cancellationToken);
        return run;
    }

    /// <summary>A registry target lists the registry now (new tags included) and scans its images like scan-now.</summary>
    private async Task<ScheduleRun> RunRegistryAsync(ScanSchedule schedule, string runId, DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        try
        {
            var scans = await services.GetRequiredService<RegistryScans>().RequestAsync(
                schedule.Target.Registry ?? "", new RegistryScanSelection(schedule.Target.Repositories), $"schedule:{schedule.Id}", cancellationToken);
            return new ScheduleRun(runId, schedule.Id, firedAt, time.GetUtcNow(), scans.Count == 0 ? ScheduleRun.NoNodes : ScheduleRun.Started, scans.Count, null,
                scans.Select(s => new ScheduleRunScan(s.Id, s.NodeId)).ToArray());
        }
        catch (RegistryScanException ex)
        {
            logger.LogWarning("Schedule {Schedule} could not scan its registry: {Reason}", schedule.Id, ex.Message);
            return new ScheduleRun(runId, schedule.Id, firedAt, time.GetUtcNow(), ScheduleRun.Failed, 0, "Scanning the registry failed: " + ex.Message, []);
        }
    }
}
