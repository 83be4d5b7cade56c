using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Json;
using Vigil.Core.Storage;

namespace Vigil.Core.Nodes;

/// <summary>A running container as its host's agent reports it (Docker Engine API, or containerd through /proc).</summary>
public sealed record ContainerReport(
    string Id, string Name, string Image, string? ImageId, string State, int Pid, DateTimeOffset? StartedAt, IReadOnlyDictionary<string, string>? Labels);

/// <summary>
/// The containers of each host as nodes of type container with the host as parent: a report creates the new ones
/// (<see cref="NodeRegistered"/>, with the container's labels, so workflows see them), refreshes the running ones and
/// marks removed those no longer running. A container's node id is derived from its host and container id, so a
/// restarted agent reports the same nodes.
/// </summary>
public sealed class ContainerInventory(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time)
{
    /// <summary>The node id of container <paramref name="containerId"/> on host node <paramref name="hostNodeId"/>.</summary>
    public static string NodeIdOf(string hostNodeId, string containerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{hostNodeId}/{containerId}")))[..32];

    /// <summary>Applies the host's full list of running containers; returns how many nodes were created, refreshed and removed.</summary>
    public async Task<(int Created, int Refreshed, int Removed)> ReportAsync(
        string hostNodeId, IReadOnlyList<ContainerReport> running, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var online = NodeStorage.StatusText(NodeStatus.Online);
        var removed = NodeStorage.StatusText(NodeStatus.Removed);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var host = await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM nodes WHERE id = @hostNodeId", new { hostNodeId }, transaction)
            ?? throw new InvalidOperationException($"No host node {hostNodeId}.");
        var known = (await connection.QueryAsync<(string Id, string Name, string Status)>(
            "SELECT id, name, status FROM nodes WHERE parent_id = @hostNodeId AND type = @container",
            new { hostNodeId, container = NodeStorage.TypeText(NodeType.Container) }, transaction)).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var (created, refreshed) = (0, 0);
        foreach (var container in running.DistinctBy(c => c.Id))
        {
            var id = NodeIdOf(hostNodeId, container.Id);
            var name = Cap($"{host}/{container.Name.TrimStart('/')}", 200); // the column's size
            var facts = JsonSerializer.Serialize(new
            {
                containerId = container.Id, image = container.Image, imageId = container.ImageId, state = container.State, pid = container.Pid,
                startedAt = container.StartedAt, host,
            }, VigilJson.Options);
            var labels = container.Labels ?? new Dictionary<string, string>();
            if (!known.TryGetValue(id, out var was))
            {
                await connection.ExecuteAsync(
                    "INSERT INTO nodes (id, name, type, status, facts, enrolled_at, registered_at, first_seen, last_seen, parent_id) " +
                    "VALUES (@id, @name, @type, @online, @facts, @now, @now, @now, @now, @hostNodeId)",
                    new { id, name, type = NodeStorage.TypeText(NodeType.Container), online, facts, now, hostNodeId }, transaction);
                await ReplaceLabelsAsync(connection, transaction, id, labels);
                using var document = JsonDocument.Parse(facts);
                await outbox.AppendAsync(connection, transaction, new NodeRegistered(id, name, NodeStorage.TypeText(NodeType.Container), labels, document.RootElement.Clone()));
                created++;
                continue;
            }

            await connection.ExecuteAsync(
                "UPDATE nodes SET name = @name, status = @online, facts = @facts, last_seen = @now WHERE id = @id", new { id, name, online, facts, now }, transaction);
            await ReplaceLabelsAsync(connection, transaction, id, labels);
            if (was.Status != online)
            {
                await outbox.AppendAsync(connection, transaction, new NodeOnline(id, name));
            }

            refreshed++;
        }

        var gone = known.Values.Where(n => n.Status != removed && !running.Any(c => NodeIdOf(hostNodeId, c.Id) == n.Id)).ToList();
        foreach (var node in gone)
        {
            await connection.ExecuteAsync("UPDATE nodes SET status = @removed WHERE id = @Id", new { removed, node.Id }, transaction);
            await outbox.AppendAsync(connection, transaction, new NodeRemoved(node.Id, node.Name, $"agent:{host}", $"the container is no longer running on {host}"));
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return (created, refreshed, gone.Count);
    }

    private static string Cap(string text, int length) => text.Length > length ? text[..length] : text;

    private static async Task ReplaceLabelsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string nodeId, IReadOnlyDictionary<string, string> labels)
    {
        await connection.ExecuteAsync("DELETE FROM node_labels WHERE node_id = @nodeId", new { nodeId }, transaction);
        // Keys and values are cut to the table's sizes (64 / 200); keys that become equal once cut keep the first.
        foreach (var (key, value) in labels.DistinctBy(l => Cap(l.Key, 64)).Take(64))
        {
            await connection.ExecuteAsync(
                "INSERT INTO node_labels (node_id, label_key, label_value) VALUES (@nodeId, @key, @value)",
                new { nodeId, key = Cap(key, 64), value = Cap(value, 200) }, transaction);
        }
    }
}
