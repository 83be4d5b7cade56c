using System.Data.Common;
using System.Text.Json;
using Dapper;
using Vigil.Core.Storage;
using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;

namespace Vigil.Workflows.Persistence;

/// <summary>
/// Instances and their journal, and the commit of a burst (instance row, bookmarks, journal) in one transaction. Writes that follow a burst are one transaction fenced by the instance's
/// lease token, so two engines on one database never both apply a burst to the same instance, and a bookmark is
/// consumed exactly once.
/// </summary>
public sealed class WorkflowInstanceStore
{
    private const string SelectInstance = """
        SELECT id AS Id, definition_id AS DefinitionId, CAST(definition_version AS BIGINT) AS DefinitionVersion, status AS Status,
               created_at AS CreatedAt, updated_at AS UpdatedAt, finished_at AS FinishedAt,
               faulted_activity_id AS FaultedActivityId, error AS Error, state_json AS StateJson
        FROM workflow_instances
        """;

    private readonly IDbConnectionFactory _db;

    /// <summary>Creates the store.</summary>
    public WorkflowInstanceStore(IDbConnectionFactory db) => _db = db;

    /// <summary>
    /// Commits a burst (or one activity of it): inserts or updates the instance, deletes consumed bookmarks (failing if
    /// one is already gone), stores new bookmarks and appends the journal. Updates require <paramref name="leaseToken"/>
    /// to still hold the instance; <paramref name="keepLeaseUntil"/> renews it, null releases it.
    /// </summary>
    /// <exception cref="LeaseLostException">The lease is gone or a consumed bookmark was already consumed; nothing was written.</exception>
    public async Task SaveAsync(
        WorkflowInstance instance,
        bool isNew,
        string? leaseToken,
        DateTimeOffset? keepLeaseUntil,
        PendingChanges pending,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(pending);
        await using var connection = await _db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = new
        {
            instance.Id,
            instance.DefinitionId,
            instance.DefinitionVersion,
            Status = instance.Status.ToString().ToLowerInvariant(),
            CreatedAt = UnixTime.ToMs(instance.CreatedAt),
            UpdatedAt = UnixTime.ToMs(instance.UpdatedAt),
            FinishedAt = UnixTime.ToMs(instance.FinishedAt),
            instance.FaultedActivityId,
            instance.Error,
            StateJson = JsonSerializer.Serialize(instance.State, WorkflowJson.Options),
            Token = leaseToken,
            NewToken = keepLeaseUntil is null ? null : leaseToken,
            LeaseUntil = UnixTime.ToMs(keepLeaseUntil),
        };
        if (isNew)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO workflow_instances (id, definition_id, definition_version, status, created_at, updated_at, finished_at,
                    faulted_activity_id, error, state_json, lease_token, lease_until)
                VALUES (@Id, @DefinitionId, @DefinitionVersion, @Status, @CreatedAt, @UpdatedAt, @FinishedAt,
                    @FaultedActivityId, @Error, @StateJson, @NewToken, @LeaseUntil)
                """,
                row, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE workflow_instances
                SET status = @Status, updated_at = @UpdatedAt, finished_at = @FinishedAt, faulted_activity_id = @FaultedActivityId,
                    error = @Error, state_json = @StateJson, lease_token = @NewToken, lease_until = @LeaseUntil
                WHERE id = @Id AND lease_token = @Token
                """,
                row, transaction, cancellationToken: cancellationToken));
            if (updated != 1)
            {
                throw new LeaseLostException(instance.Id);
            }
        }

        await ApplyBookmarksAsync(connection, transaction, instance.Id, pending, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workflow_journal (instance_id, sequence, activity_id, activity_type, status, outcomes, inputs_json, outputs_json,
                error, resumed, started_at, finished_at)
            VALUES (@InstanceId, @Sequence, @ActivityId, @ActivityType, @Status, @Outcomes, @InputsJson, @OutputsJson,
                @Error, @Resumed, @StartedAt, @FinishedAt)
            """,
            pending.Journal.Select(j => new
            {
                j.InstanceId, j.Sequence, j.ActivityId, j.ActivityType, j.Status, j.Outcomes, j.InputsJson, j.OutputsJson, j.Error,
                Resumed = j.Resumed ? 1 : 0, StartedAt = UnixTime.ToMs(j.StartedAt), FinishedAt = UnixTime.ToMs(j.FinishedAt),
            }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Claims an instance for one burst: succeeds when nobody holds it or the holder's lease expired. The token then
    /// fences every write until released.
    /// </summary>
    public async Task<bool> TryAcquireLeaseAsync(string instanceId, string token, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE workflow_instances SET lease_token = @token, lease_until = @until
            WHERE id = @instanceId AND (lease_token IS NULL OR lease_until < @now)
            """,
            new { instanceId, token, now = UnixTime.ToMs(now), until = UnixTime.ToMs(until) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Releases a claim without other changes (the burst did nothing).</summary>
    public async Task ReleaseLeaseAsync(string instanceId, string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workflow_instances SET lease_token = NULL, lease_until = NULL WHERE id = @instanceId AND lease_token = @token",
            new { instanceId, token }, cancellationToken: cancellationToken));
    }

    /// <summary>Records a start key (event id + trigger); false when that event already started this trigger.</summary>
    public async Task<bool> TryClaimStartAsync(string startKey, string instanceId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            _db.Dialect.InsertIfAbsent("workflow_start_receipts", ["start_key"], ["start_key", "instance_id", "created_at"]),
            new { start_key = startKey, instance_id = instanceId, created_at = UnixTime.ToMs(now) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>An instance with its state; null when unknown.</summary>
    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstanceRow>(new CommandDefinition(
            SelectInstance + " WHERE id = @instanceId", new { instanceId }, cancellationToken: cancellationToken));
        return row?.ToInstance();
    }

    /// <summary>A page of instances, newest first.</summary>
    public async Task<IReadOnlyList<InstanceSummary>> ListAsync(InstanceFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await _db.OpenAsync(cancellationToken);
        var where = new List<string>();
        if (filter.DefinitionId is not null)
        {
            where.Add("definition_id = @DefinitionId");
        }

        if (filter.Status is not null)
        {
            where.Add("status = @StatusText");
        }

        var sql = SelectInstance + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY created_at DESC, id DESC";
        var rows = await connection.QueryAsync<InstanceRow>(new CommandDefinition(
            _db.Dialect.Page(sql),
            new { filter.DefinitionId, StatusText = filter.Status?.ToString().ToLowerInvariant(), skip = filter.Skip, take = filter.Take },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSummary()).ToArray();
    }

    /// <summary>An instance's journal in execution order.</summary>
    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JournalRow>(new CommandDefinition(
            """
            SELECT instance_id AS InstanceId, CAST(sequence AS BIGINT) AS Sequence, activity_id AS ActivityId, activity_type AS ActivityType, status AS Status,
                   outcomes AS Outcomes, inputs_json AS InputsJson, outputs_json AS OutputsJson, error AS Error, CAST(resumed AS BIGINT) AS Resumed,
                   started_at AS StartedAt, finished_at AS FinishedAt
            FROM workflow_journal WHERE instance_id = @instanceId ORDER BY sequence
            """,
            new { instanceId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToArray();
    }

    private static async Task ApplyBookmarksAsync(
        DbConnection connection, DbTransaction transaction, string instanceId, PendingChanges pending, CancellationToken cancellationToken)
    {
        if (pending.DeleteAllBookmarks)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM workflow_bookmarks WHERE instance_id = @instanceId", new { instanceId }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var consumed in pending.ConsumedBookmarkIds)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM workflow_bookmarks WHERE id = @consumed", new { consumed }, transaction, cancellationToken: cancellationToken)) != 1)
            {
                throw new LeaseLostException(instanceId);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workflow_bookmarks (id, instance_id, activity_id, event_name, correlation_key, due_at, payload_json, created_at)
            VALUES (@Id, @InstanceId, @ActivityId, @EventName, @CorrelationKey, @DueAt, @PayloadJson, @CreatedAt)
            """,
            pending.NewBookmarks.Select(b => new
            {
                b.Id, b.InstanceId, b.ActivityId, b.Request.EventName, b.Request.CorrelationKey,
                DueAt = UnixTime.ToMs(b.Request.DueAt), PayloadJson = b.Request.Payload?.GetRawText(), CreatedAt = UnixTime.ToMs(b.CreatedAt),
            }),
            transaction, cancellationToken: cancellationToken));
    }
}
