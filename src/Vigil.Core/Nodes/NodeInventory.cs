using System.Data.Common;
using System.Text.Json;
using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Json;
using Vigil.Core.Storage;

namespace Vigil.Core.Nodes;

/// <summary>
/// The node inventory: what the console knows about each node and its connection state. Every status change is
/// written together with its event (<see cref="NodeRegistered"/>, <see cref="NodeOnline"/>, <see cref="NodeOffline"/>).
/// </summary>
public sealed class NodeInventory(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time)
{
    private const string NodeColumns = "id, name, type, status, facts, enrolled_at, first_seen, last_seen, parent_id";

    public async Task<Node?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<NodeRow>($"SELECT {NodeColumns} FROM nodes WHERE id = @id", new { id });
        if (row is null)
        {
            return null;
        }

        var labels = await LabelsOfAsync(connection, [id]);
        return row.ToNode(labels.GetValueOrDefault(id));
    }

    public async Task<Page<Node>> ListAsync(NodeQuery query, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (query.Type is { } type)
        {
            where.Add("type = @type");
            parameters.Add("type", NodeStorage.TypeText(type));
        }

        if (query.Status is { } status)
        {
            where.Add("status = @status");
            parameters.Add("status", NodeStorage.StatusText(status));
        }

        if (!string.IsNullOrWhiteSpace(query.Label))
        {
            var equals = query.Label.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? query.Label.Trim() : query.Label[..equals].Trim();
            where.Add(equals < 0
                ? "EXISTS (SELECT 1 FROM node_labels l WHERE l.node_id = nodes.id AND l.label_key = @labelKey)"
                : "EXISTS (SELECT 1 FROM node_labels l WHERE l.node_id = nodes.id AND l.label_key = @labelKey AND l.label_value = @labelValue)");
            parameters.Add("labelKey", key);
            if (equals >= 0)
            {
                parameters.Add("labelValue", query.Label[(equals + 1)..].Trim());
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            where.Add(db.Dialect.ContainsIgnoreCase("name", "@search"));
            parameters.Add("search", LikePattern.Escape(query.Search.Trim()));
        }

        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        parameters.Add("skip", Math.Max(0, query.Skip));
        parameters.Add("take", Math.Clamp(query.Take, 1, NodeQuery.MaxTake));

        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM nodes{filter}", parameters);
        var rows = (await connection.QueryAsync<NodeRow>(db.Dialect.Page($"SELECT {NodeColumns} FROM nodes{filter} ORDER BY name, id"), parameters)).ToList();
        var labels = await LabelsOfAsync(connection, rows.Select(r => r.Id).ToList());
        return new Page<Node>(rows.Select(r => r.ToNode(labels.GetValueOrDefault(r.Id))).ToList(), total);
    }

    /// <summary>
    /// An agent connected and said hello: stores its facts and marks it online. Raises <see cref="NodeRegistered"/>
    /// on the node's very first hello and <see cref="NodeOnline"/> whenever it was not online. False when the node is
    /// unknown or removed.
    /// </summary>
    public async Task<bool> ReportHelloAsync(string nodeId, JsonElement facts, CancellationToken cancellationToken = default)
    {
        if (facts.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("Facts must be a JSON object.", nameof(facts));
        }

        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(
            "SELECT name, type, status, registered_at FROM nodes WHERE id = @nodeId", new { nodeId }, transaction);
        if (row is null || row.Status == NodeStorage.StatusText(NodeStatus.Removed))
        {
            return false;
        }

        await connection.ExecuteAsync(
            "UPDATE nodes SET facts = @facts, status = @online, last_seen = @now, first_seen = COALESCE(first_seen, @now), " +
            "registered_at = COALESCE(registered_at, @now) WHERE id = @nodeId",
            new { nodeId, facts = facts.GetRawText(), online = NodeStorage.StatusText(NodeStatus.Online), now },
            transaction);
        if (row.RegisteredAt is null)
        {
            var labels = await LabelsOfAsync(connection, [nodeId], transaction);
            await outbox.AppendAsync(connection, transaction, new NodeRegistered(
                nodeId, row.Name, row.Type, labels.GetValueOrDefault(nodeId) ?? new Dictionary<string, string>(), facts.Clone()));
        }

        if (row.Status != NodeStorage.StatusText(NodeStatus.Online))
        {
            await outbox.AppendAsync(connection, transaction, new NodeOnline(nodeId, row.Name));
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }

    /// <summary>
    /// Stores when each node was last heard from, in one transaction however many there are (the single SQLite
    /// writer cannot afford one per heartbeat). A node the sweep had already marked offline comes back online with
    /// its event.
    /// </summary>
    public async Task RecordHeartbeatsAsync(IReadOnlyDictionary<string, DateTimeOffset> lastSeen, CancellationToken cancellationToken = default)
    {
        if (lastSeen.Count == 0)
        {
            return;
        }

        var online = NodeStorage.StatusText(NodeStatus.Online);
        var offline = NodeStorage.StatusText(NodeStatus.Offline);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var events = 0;
        foreach (var (nodeId, now) in lastSeen)
        {
            var touched = await connection.ExecuteAsync(
                "UPDATE nodes SET last_seen = @now WHERE id = @nodeId AND status = @online", new { nodeId, now, online }, transaction);
            if (touched > 0)
            {
                continue;
            }

            var name = await connection.QuerySingleOrDefaultAsync<string>(
                "SELECT name FROM nodes WHERE id = @nodeId AND status = @offline", new { nodeId, offline }, transaction);
            if (name is null)
            {
                continue; // removed, or never said hello
            }

            await connection.ExecuteAsync(
                "UPDATE nodes SET status = @online, last_seen = @now WHERE id = @nodeId", new { nodeId, now, online }, transaction);
            await outbox.AppendAsync(connection, transaction, new NodeOnline(nodeId, name));
            events++;
        }

        await transaction.CommitAsync(cancellationToken);
        if (events > 0)
        {
            outbox.Committed();
        }
    }

    /// <summary>
    /// Stores a re-measured <see cref="ClockSkew.FactName"/> in the node's facts (the agent's clock drifted or was
    /// corrected since its hello). Leaves every other fact as the last hello stored it.
    /// </summary>
    public async Task RecordClockSkewAsync(string nodeId, double skewSeconds, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var facts = await connection.QuerySingleOrDefaultAsync<string>("SELECT facts FROM nodes WHERE id = @nodeId", new { nodeId }, transaction);
        if (facts is null || System.Text.Json.Nodes.JsonNode.Parse(facts) is not System.Text.Json.Nodes.JsonObject node)
        {
            return;
        }

        node[ClockSkew.FactName] = skewSeconds;
        await connection.ExecuteAsync("UPDATE nodes SET facts = @facts WHERE id = @nodeId", new { nodeId, facts = node.ToJsonString() }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Marks offline every online node not heard from since <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> MarkSilentNodesOfflineAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var online = NodeStorage.StatusText(NodeStatus.Online);
        await using var connection = await db.OpenAsync(cancellationToken);
        var silent = (await connection.QueryAsync<SilentRow>(
            "SELECT id, name, last_seen FROM nodes WHERE status = @online AND last_seen < @cutoff", new { online, cutoff })).ToList();
        var marked = 0;
        foreach (var node in silent)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Conditional on the same predicate: a heartbeat that arrived since the select keeps the node online.
            var changed = await connection.ExecuteAsync(
                "UPDATE nodes SET status = @offline WHERE id = @id AND status = @online AND last_seen < @cutoff",
                new { id = node.Id, offline = NodeStorage.StatusText(NodeStatus.Offline), online, cutoff }, transaction);
            if (changed > 0)
            {
                await outbox.AppendAsync(connection, transaction, new NodeOffline(node.Id, node.Name, node.LastSeen));
                marked++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (marked > 0)
        {
            outbox.Committed();
        }

        return marked;
    }

    private static async Task<Dictionary<string, IReadOnlyDictionary<string, string>>> LabelsOfAsync(DbConnection connection, IReadOnlyList<string> nodeIds, DbTransaction? transaction = null)
    {
        if (nodeIds.Count == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<LabelRow>(
            "SELECT node_id, label_key, label_value FROM node_labels WHERE node_id IN @nodeIds ORDER BY label_key", new { nodeIds }, transaction);
        return rows.GroupBy(r => r.NodeId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, string>)g.ToDictionary(r => r.LabelKey, r => r.LabelValue, StringComparer.Ordinal));
    }

    private sealed class NodeRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Facts { get; init; }
        public DateTimeOffset EnrolledAt { get; init; }
        public DateTimeOffset? FirstSeen { get; init; }
        public DateTimeOffset? LastSeen { get; init; }
        public string? ParentId { get; init; }

        public Node ToNode(IReadOnlyDictionary<string, string>? labels) => new()
        {
            Id = Id, Name = Name, Type = NodeStorage.ParseType(Type), Status = NodeStorage.ParseStatus(Status),
            Labels = labels ?? new Dictionary<string, string>(),
            Facts = Facts is null ? null : JsonSerializer.Deserialize<JsonElement>(Facts, VigilJson.Options),
            EnrolledAt = EnrolledAt, FirstSeen = FirstSeen, LastSeen = LastSeen, ParentId = ParentId,
        };
    }

    private sealed class StateRow
    {
        public string Name { get; init; } = "";
        public string Type { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset? RegisteredAt { get; init; }
    }

    private sealed class SilentRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public DateTimeOffset? LastSeen { get; init; }
    }

    private sealed class LabelRow
    {
        public string NodeId { get; init; } = "";
        public string LabelKey { get; init; } = "";
        public string LabelValue { get; init; } = "";
    }
}
