using System.Text.Json;
using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Core.Storage;

namespace Vigil.Core.Scans;

/// <summary>
/// Nodes that no agent reports: images and applications whose SBOMs CI pipelines push. Found by type and name, created
/// on first push (with <see cref="NodeRegistered"/>).
/// </summary>
public sealed class PushedNodes(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time)
{
    public static readonly NodeType[] Types = [NodeType.Image, NodeType.Application];

    /// <summary>The id of the <paramref name="type"/> node called <paramref name="name"/>, created when absent.</summary>
    public async Task<string> FindOrCreateAsync(NodeType type, string name, CancellationToken cancellationToken = default)
    {
        if (!Types.Contains(type))
        {
            throw new ArgumentException("Only image and application nodes are created by pushing an SBOM.", nameof(type));
        }

        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw new ArgumentException("The node name must have 1 to 200 characters.", nameof(name));
        }

        var typeText = NodeStorage.TypeText(type);
        await using var connection = await db.OpenAsync(cancellationToken);
        var existing = await connection.QueryFirstOrDefaultAsync<string>(
            "SELECT id FROM nodes WHERE type = @typeText AND name = @name AND status <> @removed ORDER BY enrolled_at",
            new { typeText, name, removed = NodeStorage.StatusText(NodeStatus.Removed) });
        if (existing is not null)
        {
            return existing;
        }

        var id = Guid.CreateVersion7().ToString("N");
        var now = time.GetUtcNow();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO nodes (id, name, type, status, facts, enrolled_at, registered_at, first_seen, last_seen) VALUES (@id, @name, @typeText, @offline, '{}', @now, @now, @now, @now)",
            new { id, name, typeText, offline = NodeStorage.StatusText(NodeStatus.Offline), now }, transaction);
        using var facts = JsonDocument.Parse("{}");
        await outbox.AppendAsync(connection, transaction, new NodeRegistered(id, name, typeText, new Dictionary<string, string>(), facts.RootElement.Clone()));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return id;
    }
}
