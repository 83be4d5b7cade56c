using Microsoft.Extensions.Options;
using Quartz;
using Vigil.Dashboard.Scheduling;

namespace Vigil.Dashboard.Feeds;

/// <summary>
/// At start, schedules the periodic refresh and begins an import in the background: start-up never waits for a feed,
/// and a missing or unreachable source is a warning on its status.
/// </summary>
public sealed class FeedStartup(FeedImporter importer, VigilScheduler scheduler, IOptions<FeedOptions> options, ILogger<FeedStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (options.Value.ImportAtStart)
        {
            _ = importer.ImportAsync();
        }

        try
        {
            var schedule = CronSchedule.Parse(options.Value.Refresh, options.Value.RefreshTimeZone);
            var quartz = await scheduler.GetAsync(stoppingToken);
            var job = JobBuilder.Create<FeedRefreshJob>().WithIdentity(FeedRefreshJob.Key).WithDescription("Re-import the feed sources").Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(FeedRefreshJob.Key.Name, FeedRefreshJob.Key.Group)
                .WithCronSchedule(schedule.QuartzExpression, c => c.InTimeZone(schedule.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
            var current = await quartz.GetTrigger(trigger.Key, stoppingToken) as ICronTrigger;
            if (current?.CronExpressionString != schedule.QuartzExpression || current.TimeZone.Id != schedule.TimeZone.Id)
            {
                await quartz.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, stoppingToken);
            }
        }
        catch (CronScheduleException ex)
        {
            logger.LogWarning("Vigil:Feeds:Refresh is not usable, the feed is imported at start and on demand only: {Reason}", ex.Message);
        }
    }
}
