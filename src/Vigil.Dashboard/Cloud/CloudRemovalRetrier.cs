using Microsoft.Extensions.Options;

namespace Vigil.Dashboard.Cloud;

/// <summary>Retries due removals from <c>cloud_removals</c>: after a failed attempt, and after a console restart.</summary>
public sealed class CloudRemovalRetrier(IServiceProvider services, IOptions<CloudOptions> options, TimeProvider time, ILogger<CloudRemovalRetrier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Retrying cloud removals failed; trying again in {Interval}", options.Value.PollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<CloudRemovalStore>();
        var removals = services.GetRequiredService<CloudRemovals>();
        foreach (var due in await store.FindDueAsync(time.GetUtcNow(), 20, cancellationToken))
        {
            await removals.AttemptAsync(due, cancellationToken);
        }
    }
}
