using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Vigil.Dashboard.Registries;

/// <summary>
/// Runs queued image scans, at most <see cref="RegistryOptions.ConcurrencyPerRegistry"/> per registry wherever they
/// run, and at most <see cref="RegistryOptions.Workers"/> pulls in the console itself. A job waits for its registry's
/// slot without holding a console one, so a busy registry never starves the others.
/// </summary>
public sealed class RegistryScanWorker(
    RegistryScanQueue queue, RegistryImageScanner scanner, RegistryImageStore images, IOptions<RegistryOptions> options, ILogger<RegistryScanWorker> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perRegistry = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _peaks = new(StringComparer.Ordinal);

    /// <summary>Most image scans that ran at the same time per registry since start (observable by tests).</summary>
    public IReadOnlyDictionary<string, int> PeakPerRegistry => _peaks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var waiting in await images.QueuedScansAsync(stoppingToken))
        {
            queue.Enqueue(waiting); // queued before a restart: picked up again, not left to time out
        }

        var overall = new SemaphoreSlim(Math.Max(1, options.Value.Workers));
        var running = new List<Task>();
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            running.RemoveAll(t => t.IsCompleted);
            running.Add(RunAsync(job, overall, stoppingToken));
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(RegistryScanJob job, SemaphoreSlim overall, CancellationToken stoppingToken)
    {
        var registry = _perRegistry.GetOrAdd(job.Image.IntegrationId, _ => new SemaphoreSlim(Math.Max(1, options.Value.ConcurrencyPerRegistry)));
        try
        {
            await registry.WaitAsync(stoppingToken);
            try
            {
                var active = _active.AddOrUpdate(job.Image.IntegrationId, 1, (_, n) => n + 1);
                _peaks.AddOrUpdate(job.Image.IntegrationId, active, (_, n) => Math.Max(n, active));
                try
                {
                    // The overall slots bound the console's own pulls only: a scan handed to a scanner agent takes none.
                    await scanner.ScanAsync(job, overall, stoppingToken);
                }
                finally
                {
                    _active.AddOrUpdate(job.Image.IntegrationId, 0, (_, n) => n - 1);
                }
            }
            finally
            {
                registry.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the scan is failed as interrupted on the next start.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Registry scan {ScanId} crashed", job.ScanId);
        }
    }
}
