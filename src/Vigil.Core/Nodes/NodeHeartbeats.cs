using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vigil.Core.Nodes;

/// <summary>
/// Heartbeats land here in memory and reach the database in one transaction every <see cref="FlushInterval"/>:
/// 5,000 agents beating every 30 s would otherwise take SQLite's single writer 170 times a second. The offline sweep
/// flushes first, so it never judges a node by a stale <c>last_seen</c>; after a console restart the stored value is
/// at most one interval older than the true last heartbeat, far below the offline timeout.
/// </summary>
public sealed class NodeHeartbeats(NodeInventory inventory, TimeProvider time, ILogger<NodeHeartbeats> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void Record(string nodeId) => _pending[nodeId] = time.GetUtcNow();

    /// <summary>Writes every heartbeat recorded so far; on failure they stay pending for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var batch = _pending.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            await inventory.RecordHeartbeatsAsync(batch, cancellationToken);
            foreach (var entry in batch)
            {
                // A newer heartbeat that arrived during the write stays pending.
                _pending.TryRemove(entry);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryFlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await TryFlushAsync(CancellationToken.None); // a clean stop loses no heartbeat
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not store {Count} heartbeat(s); retrying on the next flush", _pending.Count);
        }
    }
}
