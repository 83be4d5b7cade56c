using Quartz;

namespace Vigil.Dashboard.Feeds;

/// <summary>The scheduled re-import of the feed sources (<c>Vigil:Feeds:Refresh</c>).</summary>
[DisallowConcurrentExecution]
public sealed class FeedRefreshJob(FeedImporter importer) : IJob
{
    public static readonly JobKey Key = new("feed-refresh", Scheduling.SchedulingServices.SystemGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await importer.ImportAsync();
}
