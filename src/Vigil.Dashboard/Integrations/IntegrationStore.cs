using System.Text.Json;
using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Storage;

namespace Vigil.Dashboard.Integrations;

/// <summary>Rows of the <c>integrations</c> table; secrets go in and out only through <see cref="IntegrationSecrets"/>.</summary>
public sealed class IntegrationStore(IDbConnectionFactory db, EventOutbox outbox, IntegrationSecrets protector, TimeProvider time)
{
    private const string Columns =
        "id AS Id, name AS Name, plugin_id AS PluginId, connector_type AS ConnectorType, kind AS Kind, settings AS Settings, " +
        "secrets AS Secrets, secret_names AS SecretNames, created_at AS CreatedAt, updated_at AS UpdatedAt, updated_by AS UpdatedBy";

    public async Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM integrations ORDER BY name", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToIntegration()).ToArray();
    }

    public async Task<Integration?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await GetRowAsync(id, cancellationToken))?.ToIntegration();

    /// <summary>The integration with its secrets decrypted, for building its connector.</summary>
    public async Task<StoredIntegration?> GetWithSecretsAsync(string id, CancellationToken cancellationToken = default) =>
        await GetRowAsync(id, cancellationToken) is { } row
            ? new StoredIntegration(row.ToIntegration(), protector.Unprotect(row.PluginId, row.Secrets))
            : null;

    /// <summary>Inserts (<paramref name="id"/> null) or updates; names are unique.</summary>
    /// <returns>The id.</returns>
    public async Task<string> SaveAsync(
        string? id, string name, string pluginId, string connectorType, string kind,
        IReadOnlyDictionary<string, JsonElement> settings, IReadOnlyDictionary<string, string> secrets, string actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var created = id is null;
        var row = new
        {
            Id = id ?? Guid.CreateVersion7().ToString("N"),
            Name = name,
            PluginId = pluginId,
            ConnectorType = connectorType,
            Kind = kind,
            Settings = JsonSerializer.Serialize(settings),
            Secrets = protector.Protect(pluginId, secrets),
            SecretNames = JsonSerializer.Serialize(secrets.Keys.Order(StringComparer.Ordinal)),
            Now = now,
            Actor = actor,
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var clash = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM integrations WHERE name = @Name AND id <> @Id", new { row.Name, row.Id }, transaction);
        if (clash > 0)
        {
            throw InputValidationException.For("name", $"an integration called '{name}' already exists");
        }

        var changed = created
            ? await connection.ExecuteAsync(
                "INSERT INTO integrations (id, name, plugin_id, connector_type, kind, settings, secrets, secret_names, created_at, updated_at, updated_by) " +
                "VALUES (@Id, @Name, @PluginId, @ConnectorType, @Kind, @Settings, @Secrets, @SecretNames, @Now, @Now, @Actor)", row, transaction)
            : await connection.ExecuteAsync(
                "UPDATE integrations SET name = @Name, settings = @Settings, secrets = @Secrets, secret_names = @SecretNames, updated_at = @Now, updated_by = @Actor WHERE id = @Id",
                row, transaction);
        if (changed == 0)
        {
            throw new KeyNotFoundException($"integration {row.Id} does not exist");
        }

        await outbox.AppendAsync(connection, transaction, new PluginConfigured(actor, row.Id, name, pluginId, connectorType, created));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return row.Id;
    }

    public async Task<bool> DeleteAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM integrations WHERE id = @id", new { id }, transaction);
        if (row is null)
        {
            return false;
        }

        await connection.ExecuteAsync("DELETE FROM integrations WHERE id = @id", new { id }, transaction);
        await outbox.AppendAsync(connection, transaction, new IntegrationRemoved(actor, id, row.Name, row.PluginId));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }

    private async Task<Row?> GetRowAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM integrations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string PluginId { get; init; } = "";
        public string ConnectorType { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Settings { get; init; } = "{}";
        public string? Secrets { get; init; }
        public string SecretNames { get; init; } = "[]";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string UpdatedBy { get; init; } = "";

        public Integration ToIntegration() => new(
            Id, Name, PluginId, ConnectorType, Kind,
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Settings) ?? [],
            JsonSerializer.Deserialize<string[]>(SecretNames) ?? [],
            CreatedAt, UpdatedAt, UpdatedBy);
    }
}
