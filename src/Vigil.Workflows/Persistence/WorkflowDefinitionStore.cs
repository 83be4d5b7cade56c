using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Vigil.Core.Storage;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Validation;

namespace Vigil.Workflows.Persistence;

/// <summary>
/// Definitions, their drafts and immutable published versions, and the trigger index. Publishing validates first and
/// writes the version, the definition row and the trigger index in one transaction: an invalid definition is never
/// half-saved. Compiled versions are cached forever (they never change), so the number of versions or instances does not
/// slow starting an instance.
/// </summary>
public sealed class WorkflowDefinitionStore
{
    private readonly IDbConnectionFactory _db;
    private readonly ActivityRegistry _registry;
    private readonly WorkflowValidator _validator;
    private readonly TimeProvider _time;
    private readonly WorkflowEngineOptions _options;
    private readonly ConcurrentDictionary<(string Id, int Version), CompiledWorkflow> _compiled = new();
    private readonly ConcurrentDictionary<string, (int? Version, long FetchedAtMs)> _published = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    public WorkflowDefinitionStore(
        IDbConnectionFactory db, ActivityRegistry registry, WorkflowValidator validator, TimeProvider time, WorkflowEngineOptions options)
    {
        _options = options;
        _db = db;
        _registry = registry;
        _validator = validator;
        _time = time;
    }

    /// <summary>Saves a draft (may be invalid: the designer saves work in progress). Creates the definition if new.</summary>
    public async Task SaveDraftAsync(WorkflowDefinition draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = UnixTime.ToMs(_time.GetUtcNow());
        await using var connection = await _db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workflow_definitions SET name = @Name, description = @Description, draft_json = @Json, updated_at = @now WHERE id = @Id",
            new { draft.Id, draft.Name, draft.Description, Json = draft.ToJson(), now }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            await InsertDefinitionAsync(connection, transaction, draft, now, draftJson: draft.ToJson(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Validates <paramref name="definition"/> and stores it as the next immutable version, which becomes the published
    /// one; the draft is cleared and the trigger index now points at the new version.
    /// </summary>
    /// <exception cref="WorkflowValidationException">The definition is invalid; nothing was written.</exception>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowDefinition definition, string? publishedBy = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var validation = _validator.Validate(definition);
        if (!validation.IsValid)
        {
            throw new WorkflowValidationException(validation);
        }

        var now = UnixTime.ToMs(_time.GetUtcNow());
        await using var connection = await _db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var latest = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT latest_version FROM workflow_definitions WHERE id = @Id", new { definition.Id }, transaction, cancellationToken: cancellationToken));
        if (latest is null)
        {
            await InsertDefinitionAsync(connection, transaction, definition, now, draftJson: null, cancellationToken);
        }

        var published = definition with { Version = (latest ?? 0) + 1 };
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO workflow_definition_versions (definition_id, version, json, published_at, published_by) VALUES (@Id, @Version, @Json, @now, @publishedBy)",
            new { published.Id, published.Version, Json = published.ToJson(), now, publishedBy }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE workflow_definitions
            SET name = @Name, description = @Description, draft_json = NULL, latest_version = @Version,
                published_version = @Version, updated_at = @now
            WHERE id = @Id
            """,
            new { published.Id, published.Name, published.Description, published.Version, now }, transaction, cancellationToken: cancellationToken));
        await ReplaceTriggersAsync(connection, transaction, published, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _published[published.Id] = (published.Version, Environment.TickCount64);
        return published;
    }

    /// <summary>Enables or disables a definition's triggers (instances already running are not affected).</summary>
    public async Task<bool> SetEnabledAsync(string definitionId, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workflow_definitions SET is_enabled = @enabled, updated_at = @now WHERE id = @definitionId",
            new { definitionId, enabled, now = UnixTime.ToMs(_time.GetUtcNow()) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The draft if one exists, else the published version; null when the definition does not exist.</summary>
    public async Task<WorkflowDefinition?> GetDraftOrPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? Draft, int? Published)>(new CommandDefinition(
            "SELECT draft_json AS Draft, published_version AS Published FROM workflow_definitions WHERE id = @definitionId",
            new { definitionId }, cancellationToken: cancellationToken));
        if (row.Draft is not null)
        {
            return WorkflowDefinition.Parse(row.Draft);
        }

        return row.Published is { } version ? (await GetVersionAsync(definitionId, version, cancellationToken))?.Definition : null;
    }

    /// <summary>A published version, compiled and cached; null when absent.</summary>
    public async Task<CompiledWorkflow?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        if (_compiled.TryGetValue((definitionId, version), out var cached))
        {
            return cached;
        }

        await using var connection = await _db.OpenAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT json FROM workflow_definition_versions WHERE definition_id = @definitionId AND version = @version",
            new { definitionId, version }, cancellationToken: cancellationToken));
        return json is null ? null : _compiled.GetOrAdd((definitionId, version), _ => new CompiledWorkflow(WorkflowDefinition.Parse(json), _registry));
    }

    /// <summary>The version new instances of a definition start with; null when unpublished or unknown.</summary>
    public async Task<int?> GetPublishedVersionAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        // Cached briefly: saves a connection and a query on every manual start, and a version published on another
        // console instance only needs to be picked up soon, not within the same millisecond.
        if (_published.TryGetValue(definitionId, out var cached)
            && Environment.TickCount64 - cached.FetchedAtMs < _options.PublishedVersionCacheDuration.TotalMilliseconds)
        {
            return cached.Version;
        }

        await using var connection = await _db.OpenAsync(cancellationToken);
        var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT published_version FROM workflow_definitions WHERE id = @definitionId", new { definitionId }, cancellationToken: cancellationToken));
        _published[definitionId] = (version, Environment.TickCount64);
        return version;
    }

    /// <summary>Version numbers of a definition, newest first.</summary>
    public async Task<IReadOnlyList<int>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var versions = await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM workflow_definition_versions WHERE definition_id = @definitionId ORDER BY version DESC",
            new { definitionId }, cancellationToken: cancellationToken));
        return versions.AsList();
    }

    // BIGINT casts: one numeric type from both providers, whatever their column types.
    private const string SummaryColumns = """
        SELECT id AS Id, name AS Name, description AS Description, CAST(latest_version AS BIGINT) AS Latest, CAST(published_version AS BIGINT) AS Published,
               CAST(is_enabled AS BIGINT) AS Enabled, CAST(CASE WHEN draft_json IS NULL THEN 0 ELSE 1 END AS BIGINT) AS HasDraft, updated_at AS UpdatedAt
        FROM workflow_definitions
        """;

    /// <summary>A page of definitions ordered by name.</summary>
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(
            new CommandDefinition(_db.Dialect.Page(SummaryColumns + " ORDER BY name, id"), new { skip, take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSummary()).ToArray();
    }

    /// <summary>How many definitions exist (the list's total, without reading them).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM workflow_definitions", cancellationToken: cancellationToken));
    }

    /// <summary>One definition's list row; null when it does not exist.</summary>
    public async Task<DefinitionSummary?> GetSummaryAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SummaryRow>(
            new CommandDefinition(SummaryColumns + " WHERE id = @definitionId", new { definitionId }, cancellationToken: cancellationToken));
        return row == default ? null : row.ToSummary();
    }

    /// <summary>Triggers of enabled, published versions listening to <paramref name="eventType"/>.</summary>
    public async Task<IReadOnlyList<TriggerIndexEntry>> FindTriggersAsync(string eventType, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string DefinitionId, long Version, string ActivityId, string ActivityType, string EventType, string InputsJson)>(
            new CommandDefinition(
                """
                SELECT t.definition_id, CAST(t.version AS BIGINT), t.activity_id, t.activity_type, t.event_type, t.inputs_json
                FROM workflow_triggers t
                JOIN workflow_definitions d ON d.id = t.definition_id AND d.published_version = t.version
                WHERE t.event_type = @eventType AND d.is_enabled = 1
                """,
                new { eventType }, cancellationToken: cancellationToken));
        return rows.Select(r => new TriggerIndexEntry(r.DefinitionId, (int)r.Version, r.ActivityId, r.ActivityType, r.EventType, r.InputsJson)).ToArray();
    }

    private static Task InsertDefinitionAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        WorkflowDefinition definition,
        long now,
        string? draftJson,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workflow_definitions (id, name, description, draft_json, latest_version, published_version, is_enabled, created_at, updated_at)
            VALUES (@Id, @Name, @Description, @draftJson, 0, NULL, 1, @now, @now)
            """,
            new { definition.Id, definition.Name, definition.Description, draftJson, now }, transaction, cancellationToken: cancellationToken));

    private async Task ReplaceTriggersAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        WorkflowDefinition published,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workflow_triggers WHERE definition_id = @Id", new { published.Id }, transaction, cancellationToken: cancellationToken));
        var triggers = published.Activities
            .Select(a => (Node: a, Descriptor: _registry.Find(a.Type)!))
            .Where(a => a.Descriptor.Kind == ActivityKind.Trigger)
            .Select(a => new
            {
                published.Id,
                published.Version,
                ActivityId = a.Node.Id,
                ActivityType = a.Node.Type,
                EventType = a.Descriptor.TriggerEvent,
                InputsJson = JsonSerializer.Serialize(a.Node.InputsOrEmpty, WorkflowJson.Options),
            })
            .ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workflow_triggers (definition_id, version, activity_id, activity_type, event_type, inputs_json)
            VALUES (@Id, @Version, @ActivityId, @ActivityType, @EventType, @InputsJson)
            """,
            triggers, transaction, cancellationToken: cancellationToken));
    }

    private readonly record struct SummaryRow(string Id, string Name, string? Description, long Latest, long? Published, long Enabled, long HasDraft, long UpdatedAt)
    {
        public DefinitionSummary ToSummary() =>
            new(Id, Name, Description, (int)Latest, (int?)Published, Enabled != 0, HasDraft != 0, UnixTime.FromMs(UpdatedAt));
    }
}
