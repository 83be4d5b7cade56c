using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Storage;
using Vigil.Scanning.Policies;

namespace Vigil.Dashboard.Policies;

/// <summary>
/// Named policies. A body is checked with the scanner's own <see cref="PolicyReader"/> before it is stored, so what
/// the console keeps is exactly what <c>vigil scan --policy NAME</c> and the Evaluate policy activity can read.
/// </summary>
public sealed class PolicyStore(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time)
{
    private const string Columns = "name AS Name, body AS Body, created_at AS CreatedAt, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    public async Task<IReadOnlyList<StoredPolicy>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM policies ORDER BY name", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPolicy()).ToArray();
    }

    public async Task<StoredPolicy?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM policies WHERE name = @name", new { name }, cancellationToken: cancellationToken));
        return row?.ToPolicy();
    }

    /// <summary>The parsed policy, for evaluation.</summary>
    public async Task<Policy?> ReadAsync(string name, CancellationToken cancellationToken = default) =>
        await GetAsync(name, cancellationToken) is { } stored ? PolicyReader.Read(stored.Body.GetRawText(), stored.Name) : null;

    /// <summary>Creates or replaces <paramref name="name"/>; the body's own <c>name</c> is set to it.</summary>
    /// <returns>True when the policy was created.</returns>
    /// <exception cref="PolicyFormatException">The body is not a valid policy; nothing was stored.</exception>
    public async Task<bool> SaveAsync(string name, JsonElement body, string actor, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        var node = JsonNode.Parse(body.GetRawText()) as JsonObject ?? throw new PolicyFormatException("a policy must be an object");
        node["name"] = name;
        var json = node.ToJsonString();
        PolicyReader.Read(json, name);

        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(
            "UPDATE policies SET body = @json, updated_at = @now, updated_by = @actor WHERE name = @name", new { json, now, actor, name }, transaction);
        if (updated == 0)
        {
            await connection.ExecuteAsync(
                "INSERT INTO policies (name, body, created_at, updated_at, updated_by) VALUES (@name, @json, @now, @now, @actor)",
                new { name, json, now, actor }, transaction);
        }

        await outbox.AppendAsync(connection, transaction, new PolicySaved(actor, name, updated == 0));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return updated == 0;
    }

    public async Task<bool> DeleteAsync(string name, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync("DELETE FROM policies WHERE name = @name", new { name }, transaction) == 1;
        if (deleted)
        {
            await outbox.AppendAsync(connection, transaction, new PolicyDeleted(actor, name));
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return deleted;
    }

    /// <summary>Names travel in URLs and on the command line (where a '/' or a '.' would make them look like a file).</summary>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new PolicyFormatException("a policy name is 1-200 letters, digits, '-' or '_'");
        }
    }

    private sealed class Row
    {
        public string Name { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string UpdatedBy { get; init; } = "";

        public StoredPolicy ToPolicy()
        {
            using var document = JsonDocument.Parse(Body);
            return new StoredPolicy(Name, document.RootElement.Clone(), CreatedAt, UpdatedAt, UpdatedBy);
        }
    }
}
