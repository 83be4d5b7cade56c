using System.Data.Common;
using System.Text.Json;
using Dapper;
using Vigil.Core.Json;
using Vigil.Core.Storage;

namespace Vigil.Core.Events;

/// <summary>Writes domain events in the caller's transaction, so an event exists exactly when its state change does.</summary>
public sealed class EventOutbox(IDbConnectionFactory db, OutboxSignal signal)
{
    public async Task AppendAsync(DbConnection connection, DbTransaction transaction, DomainEvent domainEvent)
    {
        var payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), VigilJson.Options);
        await connection.ExecuteAsync(
            "INSERT INTO outbox_events (id, type, occurred_at, payload, attempts) VALUES (@id, @type, @occurredAt, @payload, 0)",
            new { id = domainEvent.Id, type = domainEvent.Type, occurredAt = domainEvent.OccurredAt, payload },
            transaction);
    }

    /// <summary>Records an event that has no state change of its own (a sign-in) in its own transaction.</summary>
    public async Task PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AppendAsync(connection, transaction, domainEvent);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
    }

    /// <summary>Call after committing a transaction that appended events.</summary>
    public void Committed() => signal.Notify();
}
