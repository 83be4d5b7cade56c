using System.Text.Json;
using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Json;
using Vigil.Core.Storage;

namespace Vigil.Core.Nodes;

/// <summary>
/// Records every domain event that carries a <c>nodeId</c> on that node's timeline, and reads it back newest first.
/// Progress ticks are left out: they are for live views, not history.
/// </summary>
public sealed class NodeTimeline(IDbConnectionFactory db) : IDomainEventSubscriber
{
    private static readonly string[] Columns = ["event_id", "node_id", "occurred_at", "type", "payload"];

    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is ScanProgressed or IPersonalEvent)
        {
            return;
        }

        var payload = JsonSerializer.SerializeToElement(domainEvent, domainEvent.GetType(), VigilJson.Options);
        if (!payload.TryGetProperty("nodeId", out var nodeId) || nodeId.ValueKind != JsonValueKind.String)
        {
            return;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            db.Dialect.InsertIfAbsent("node_events", ["event_id"], Columns),
            new
            {
                event_id = domainEvent.Id,
                node_id = nodeId.GetString(),
                occurred_at = domainEvent.OccurredAt,
                type = domainEvent.Type,
                payload = payload.GetRawText(),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<Page<NodeTimelineEntry>> ListAsync(string nodeId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var args = new { nodeId, skip = Math.Max(0, skip), take = Math.Clamp(take, 1, 500) };
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM node_events WHERE node_id = @nodeId", args, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            db.Dialect.Page("SELECT event_id, type, occurred_at, payload FROM node_events WHERE node_id = @nodeId ORDER BY occurred_at DESC, event_id DESC"),
            args, cancellationToken: cancellationToken));
        return new Page<NodeTimelineEntry>(rows.Select(r => r.ToEntry()).ToList(), total);
    }

    private sealed class Row
    {
        public string EventId { get; init; } = "";
        public string Type { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string Payload { get; init; } = "{}";

        public NodeTimelineEntry ToEntry()
        {
            using var document = JsonDocument.Parse(Payload);
            return new NodeTimelineEntry(EventId, Type, OccurredAt, document.RootElement.Clone());
        }
    }
}
