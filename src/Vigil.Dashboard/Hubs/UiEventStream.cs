using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Vigil.Core.Events;

namespace Vigil.Dashboard.Hubs;

/// <summary>
/// Fans domain events out to the live UI: browsers on <see cref="UiHub"/> and in-process Blazor components, in
/// batches of at most <see cref="BatchWindow"/>, so a burst of events costs one message per client, never a
/// database query per client.
/// </summary>
public sealed class UiEventStream(IHubContext<UiHub> hub, ILogger<UiEventStream> logger) : BackgroundService, ILiveEventSubscriber
{
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(250);
    private const int MaxBatch = 500;
    private readonly Channel<DomainEvent> _queue = Channel.CreateBounded<DomainEvent>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Raised on the batching thread with each batch; handlers must be quick and must not throw.</summary>
    public event Action<IReadOnlyList<DomainEvent>>? Batch;

    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is IPersonalEvent)
        {
            return Task.CompletedTask;
        }

        // The live UI is best effort by design: dropping the oldest under overload never blocks the outbox.
        _queue.Writer.TryWrite(domainEvent);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<DomainEvent>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(BatchWindow, stoppingToken);
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                var events = batch.ToArray();
                Batch?.Invoke(events);
                await hub.Clients.All.SendAsync(UiHub.EventsMethod, events.Cast<object>().ToArray(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not push {Count} events to the live UI", batch.Count);
            }

            batch.Clear();
        }
    }
}
