using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Dashboard.Notifications;

/// <summary>What rule filters look at on the node an event concerns: its labels and, for images, its registry.</summary>
public sealed record NodeSubject(string Id, string Name, string Type, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The <c>registry</c> label, else the host of an image reference name (<c>host[:port]/repo:tag</c>).</summary>
    public string? Registry
    {
        get
        {
            if (Labels.TryGetValue("registry", out var label) && label.Length > 0)
            {
                return label.ToLowerInvariant();
            }

            var slash = Name.IndexOf('/', StringComparison.Ordinal);
            var first = slash > 0 ? Name[..slash] : null;
            return first is not null && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
                ? first.ToLowerInvariant()
                : null;
        }
    }

    public static async Task<NodeSubject?> LoadAsync(IDbConnectionFactory db, string nodeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenAsync(cancellationToken);
        var node = await connection.QuerySingleOrDefaultAsync<(string Name, string Type)?>(new CommandDefinition(
            "SELECT name, type FROM nodes WHERE id = @nodeId", new { nodeId }, cancellationToken: cancellationToken));
        if (node is not { } found)
        {
            return null;
        }

        var labels = await connection.QueryAsync<(string Key, string Value)>(new CommandDefinition(
            "SELECT label_key, label_value FROM node_labels WHERE node_id = @nodeId", new { nodeId }, cancellationToken: cancellationToken));
        return new NodeSubject(nodeId, found.Name, found.Type, labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal));
    }
}
