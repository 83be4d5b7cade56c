using System.Threading.Channels;
using Vigil.Core.Events;
using Vigil.Core.Scans;
using Vigil.Dashboard.Hubs;

namespace Vigil.Dashboard.Wall;

/// <summary>
/// The one server-side copy of the monitoring wall: loaded once, then kept current by the batches of
/// <see cref="UiEventStream"/> (which already coalesces events to a few per second), and published as an immutable
/// <see cref="WallSnapshot"/> to every connected wall. However many walls are open, the database sees one load, one
/// findings reload per batch that changed findings, and one resync a minute.
/// </summary>
public sealed class WallState(UiEventStream events, FleetQueries fleet, ScanStore scans, TimeProvider time, ILogger<WallState> logger) : BackgroundService
{
    public static readonly TimeSpan ResyncInterval = TimeSpan.FromMinutes(1);
    public const int ListSize = 8;

    private readonly Channel<IReadOnlyList<DomainEvent>> _batches =
        Channel.CreateBounded<IReadOnlyList<DomainEvent>>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly WallBoard _board = new();

    /// <summary>The latest snapshot; null until the first load finished.</summary>
    public WallSnapshot? Current { get; private set; }

    /// <summary>Raised on the wall's loop with each new snapshot; handlers must be quick and must not throw.</summary>
    public event Action<WallSnapshot>? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        events.Batch += OnBatch;
        try
        {
            var nextResync = DateTimeOffset.MinValue;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (time.GetUtcNow() >= nextResync)
                {
                    // Events that raced the load are applied again after it; applying one twice is harmless.
                    await TryAsync(ResyncAsync, stoppingToken);
                    nextResync = time.GetUtcNow() + ResyncInterval;
                    Publish();
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var untilResync = nextResync - time.GetUtcNow();
                wait.CancelAfter(untilResync > TimeSpan.Zero ? untilResync : TimeSpan.Zero);
                try
                {
                    await _batches.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    continue; // time to resync
                }

                var findingsStale = false;
                while (_batches.Reader.TryRead(out var batch))
                {
                    foreach (var e in batch)
                    {
                        findingsStale |= _board.Apply(e);
                    }
                }

                if (findingsStale)
                {
                    await TryAsync(LoadFindingsAsync, stoppingToken);
                }

                Publish();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            events.Batch -= OnBatch;
        }
    }

    private void OnBatch(IReadOnlyList<DomainEvent> batch) => _batches.Writer.TryWrite(batch);

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        var nodes = await fleet.NodesAsync(cancellationToken);
        var running = await scans.ListAsync(new ScanQuery(Status: ScanStatus.Running, Take: ScanQuery.MaxTake), cancellationToken: cancellationToken);
        var queued = await scans.ListAsync(new ScanQuery(Status: ScanStatus.Queued, Take: ScanQuery.MaxTake), cancellationToken: cancellationToken);
        _board.Load(nodes, running.Items.Concat(queued.Items));
        await LoadFindingsAsync(cancellationToken);
    }

    private async Task LoadFindingsAsync(CancellationToken cancellationToken)
    {
        var totals = await fleet.SeverityTotalsAsync(cancellationToken);
        var worst = await fleet.MostVulnerableAsync(ListSize, cancellationToken);
        var critical = await fleet.NewestCriticalAsync(ListSize, cancellationToken);
        _board.LoadFindings(totals, worst, critical);
    }

    private async Task TryAsync(Func<CancellationToken, Task> load, CancellationToken cancellationToken)
    {
        try
        {
            await load(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The wall keeps showing what it had; the next batch or resync tries again.
            logger.LogWarning(ex, "Could not load the monitoring wall's data");
        }
    }

    private void Publish()
    {
        var snapshot = _board.Snapshot(time.GetUtcNow());
        Current = snapshot;
        try
        {
            Changed?.Invoke(snapshot);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A wall subscriber failed");
        }
    }
}
