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

    /// <summary>
    /// Records what a cloud connector did to the node's machine: a termination marks the node removed
    /// (<see cref="NodeRemoved"/>), a quarantine leaves it in the inventory (<see cref="NodeQuarantined"/>).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such node.</exception>
    public async Task RecordCloudActionAsync(string nodeId, bool terminated, string by, string reason, string via, string outcome, CancellationToken cancellationToken = default)
    {
        var removed = NodeStorage.StatusText(NodeStatus.Removed);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await NameOfAsync(connection, transaction, nodeId);
        if (terminated)
        {
            await connection.ExecuteAsync("UPDATE nodes SET status = @removed WHERE id = @nodeId", new { removed, nodeId }, transaction);
            await outbox.AppendAsync(connection, transaction, new NodeRemoved(nodeId, name, by, reason) { Via = via, Outcome = outcome });
        }
        else
        {
            await outbox.AppendAsync(connection, transaction, new NodeQuarantined(nodeId, name, by, reason) { Via = via, Outcome = outcome });
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
    }

    /// <summary>
    /// Records a failed or refused cloud removal (and, when <paramref name="nextAttemptAt"/> is set, when it is retried),
    /// and raises it as a notification.
    /// </summary>
    public async Task RecordRemovalFailedAsync(
        string nodeId, string by, string reason, string via, string error, int attempt, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await NameOfAsync(connection, transaction, nodeId);
        await outbox.AppendAsync(connection, transaction, new NodeRemovalFailed(nodeId, name, by, reason, via, error, attempt, nextAttemptAt));
        // People must hear of it: the machine that should be gone is still there.
        await outbox.AppendAsync(connection, transaction, new NotificationRecorded(
            nodeId,
            $"Removal of {name} failed",
            $"{reason} — via {via}, attempt {attempt}: {error}" + (nextAttemptAt is { } next ? $". Retrying at {next:u}." : ". Not retried: act on the machine by hand."),
            "high",
            by,
            $"node-removal:{nodeId}"));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
    }

    private static async Task<string> NameOfAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string nodeId) =>
        await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM nodes WHERE id = @nodeId", new { nodeId }, transaction)
        ?? throw new KeyNotFoundException($"No node with id '{nodeId}'.");
}
