using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Storage;

namespace Vigil.Core.Nodes;

/// <summary>
/// Changes people and flows make to nodes: labels and removal. Each change and its event are one transaction, so the
/// audit log and the node's timeline always agree with the inventory.
/// </summary>
public sealed class NodeAdministration(IDbConnectionFactory db, EventOutbox outbox)
{
    /// <summary>Sets (or overwrites) one label.</summary>
    /// <exception cref="KeyNotFoundException">No such node.</exception>
    /// <exception cref="ArgumentException">The key or value is not a valid label.</exception>
    public async Task SetLabelAsync(string nodeId, string key, string value, string by, CancellationToken cancellationToken = default)
    {
        NodeLabels.Validate(new Dictionary<string, string> { [key] = value }, "label");
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await NameOfAsync(connection, transaction, nodeId);
        await connection.ExecuteAsync(
            db.Dialect.Upsert("node_labels", ["node_id", "label_key"], ["node_id", "label_key", "label_value"]),
            new { node_id = nodeId, label_key = key, label_value = value }, transaction);
        await outbox.AppendAsync(connection, transaction, new NodeLabelled(nodeId, name, key, value, by));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
    }

    /// <summary>Marks the node removed; a removed node's agent is no longer accepted. False when it already was.</summary>
    /// <exception cref="KeyNotFoundException">No such node.</exception>
    public async Task<bool> MarkRemovedAsync(string nodeId, string by, string reason, CancellationToken cancellationToken = default)
    {
        var removed = NodeStorage.StatusText(NodeStatus.Removed);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await NameOfAsync(connection, transaction, nodeId);
        var changed = await connection.ExecuteAsync(
            "UPDATE nodes SET status = @removed WHERE id = @nodeId AND status <> @removed", new { removed, nodeId }, transaction);
        if (changed > 0)
        {
            await outbox.AppendAsync(connection, transaction, new NodeRemoved(nodeId, name, by, reason));
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return changed > 0;
    }

    private static async Task<string> NameOfAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string nodeId) =>
        await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM nodes WHERE id = @nodeId", new { nodeId }, transaction)
        ?? throw new KeyNotFoundException($"No node with id '{nodeId}'.");
}
