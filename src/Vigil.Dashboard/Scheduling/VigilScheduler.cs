using Quartz;

namespace Vigil.Dashboard.Scheduling;

/// <summary>The console's one Quartz scheduler, for the services that add, change and remove its jobs.</summary>
public sealed class VigilScheduler(ISchedulerFactory factory)
{
    public ValueTask<IScheduler> GetAsync(CancellationToken cancellationToken = default) => factory.GetScheduler(cancellationToken);
}
