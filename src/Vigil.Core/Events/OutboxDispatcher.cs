using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Core.Json;
using Vigil.Core.Storage;

namespace Vigil.Core.Events;

/// <summary>
/// Delivers outbox events to every <see cref="IDomainEventSubscriber"/> in order, at least once: a row is marked
/// published only after all subscribers accepted it; a failing subscriber makes the row retry with backoff, and after
/// <see cref="MaxAttempts"/> the row is set aside with its error so one poison event cannot stop the stream.
/// <see cref="ILiveEventSubscriber"/>s get the whole batch first, and delivered rows are marked in one statement per
/// batch: at thousands of events a minute the single SQLite writer must not be taken once per row.
/// </summary>
public sealed class OutboxDispatcher(
    IDbConnectionFactory db,
    OutboxSignal signal,
    EventTypeRegistry types,
    IEnumerable<IDomainEventSubscriber> subscribers,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 10;
    private const int BatchSize = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private readonly IDomainEventSubscriber[] _subscribers = subscribers.Where(s => s is not ILiveEventSubscriber).ToArray();
    private readonly ILiveEventSubscriber[] _live = subscribers.OfType<ILiveEventSubscriber>().ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await DispatchBatchAsync(stoppingToken);
                if (delivered < BatchSize)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed; retrying");
                await Task.Delay(PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Delivers one batch of pending events; returns how many rows it handled.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutboxRow>(
            db.Dialect.Page("SELECT seq, id, type, payload, attempts FROM outbox_events WHERE published_at IS NULL ORDER BY seq"),
            new { skip = 0, take = BatchSize })).ToList();

        var events = rows.Select(Read).ToList();
        foreach (var domainEvent in events.Where(e => e.Event is not null))
        {
            foreach (var live in _live)
            {
                await live.HandleAsync(domainEvent.Event!, cancellationToken);
            }
        }

        var delivered = new List<long>();
        try
        {
            foreach (var (row, domainEvent, readError) in events)
            {
                var error = readError ?? await DeliverAsync(row, domainEvent!, cancellationToken);
                if (error is null)
                {
                    delivered.Add(row.Seq);
                    continue;
                }

                var attempts = row.Attempts + 1;
                var giveUp = attempts >= MaxAttempts;
                await connection.ExecuteAsync(
                    "UPDATE outbox_events SET attempts = @attempts, last_error = @error, published_at = @publishedAt WHERE seq = @seq",
                    new { attempts, error, publishedAt = giveUp ? time.GetUtcNow() : (DateTimeOffset?)null, seq = row.Seq });
                if (giveUp)
                {
                    logger.LogError("Event {EventId} ({Type}) set aside after {Attempts} attempts: {Error}", row.Id, row.Type, attempts, error);
                    continue;
                }

                // Keep order: later events wait until this one is delivered.
                return rows.IndexOf(row);
            }

            return rows.Count;
        }
        finally
        {
            if (delivered.Count > 0)
            {
                await connection.ExecuteAsync("UPDATE outbox_events SET published_at = @now WHERE seq IN @delivered", new { now = time.GetUtcNow(), delivered });
            }
        }
    }

    private (OutboxRow Row, DomainEvent? Event, string? Error) Read(OutboxRow row)
    {
        var type = types.Find(row.Type);
        if (type is null)
        {
            return (row, null, $"Unknown event type '{row.Type}'.");
        }

        try
        {
            return (row, (DomainEvent)JsonSerializer.Deserialize(row.Payload, type, VigilJson.Options)!, null);
        }
        catch (JsonException ex)
        {
            return (row, null, $"Unreadable payload: {ex.Message}");
        }
    }

    private async Task<string?> DeliverAsync(OutboxRow row, DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await subscriber.HandleAsync(domainEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Subscriber {Subscriber} failed on event {EventId} ({Type})", subscriber.GetType().Name, row.Id, row.Type);
                return $"{subscriber.GetType().Name}: {ex.Message}";
            }
        }

        return null;
    }

    private sealed class OutboxRow
    {
        public long Seq { get; init; }
        public string Id { get; init; } = "";
        public string Type { get; init; } = "";
        public string Payload { get; init; } = "";
        public int Attempts { get; init; }
    }
}
