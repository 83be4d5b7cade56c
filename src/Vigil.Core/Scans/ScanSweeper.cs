using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vigil.Core.Scans;

/// <summary>
/// No scan stays stuck: at start, scans left Running by a previous process fail ("the console restarted"); then,
/// every <see cref="ScanOptions.SweepInterval"/>, scans past a timeout fail with the reason.
/// </summary>
public sealed class ScanSweeper(ScanStore scans, IOptions<ScanOptions> options, TimeProvider time, ILogger<ScanSweeper> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // As the host starts: a scan Running now was left by the previous process (a fresh one needs an agent to
        // connect, receive it and report progress first). Queued scans stay: their agents get them on reconnect.
        var interrupted = await scans.FailInterruptedAsync(cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} scan(s) were running when the console stopped; they are marked failed", interrupted);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var failed = await scans.FailOverdueAsync(stoppingToken);
                if (failed > 0)
                {
                    logger.LogInformation("{Count} overdue scan(s) failed", failed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Scan sweep failed; retrying on the next tick");
            }
        }
    }
}
