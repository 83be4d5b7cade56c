using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Storage;

namespace Vigil.Core.Audit;

/// <summary>Turns auditable domain events into audit rows; keyed by event id, so redelivery writes nothing twice.</summary>
public sealed class AuditWriter(IDbConnectionFactory db) : IDomainEventSubscriber
{
    private static readonly string[] Columns = ["id", "occurred_at", "actor", "action", "target", "detail", "ip"];

    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is not IAuditableEvent audit)
        {
            return;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            db.Dialect.InsertIfAbsent("audit_log", ["id"], Columns),
            new
            {
                id = domainEvent.Id,
                occurred_at = domainEvent.OccurredAt,
                actor = audit.Actor,
                action = audit.Action,
                target = audit.Target,
                detail = audit.Detail,
                ip = audit.SourceIp,
            });
    }
}
