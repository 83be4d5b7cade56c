using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Workflows.Persistence;

/// <summary>
/// Reads bookmarks (what instances wait for: by event, by instance, due timers, pending approvals) and keeps early events
/// (stimuli). Bookmarks are written and deleted only by <see cref="WorkflowInstanceStore.SaveAsync"/>, inside a burst's commit.
/// </summary>
public sealed class WorkflowBookmarkStore
{
    private const string SelectBookmark = """
        SELECT id AS Id, instance_id AS InstanceId, activity_id AS ActivityId, event_name AS EventName,
               correlation_key AS CorrelationKey, due_at AS DueAt, payload_json AS PayloadJson, created_at AS CreatedAt
        FROM workflow_bookmarks
        """;

    private readonly IDbConnectionFactory _db;

    /// <summary>Creates the store.</summary>
    public WorkflowBookmarkStore(IDbConnectionFactory db) => _db = db;

    /// <summary>One bookmark; null when it does not exist (never created, or already consumed).</summary>
    public async Task<StoredBookmark?> GetAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<BookmarkRow>(new CommandDefinition(
            SelectBookmark + " WHERE id = @bookmarkId", new { bookmarkId }, cancellationToken: cancellationToken));
        return row?.ToBookmark();
    }

    /// <summary>A page of bookmarks waiting for an event (keyset-paged by id).</summary>
    public async Task<IReadOnlyList<StoredBookmark>> FindAsync(
        string eventName, string? correlationKey, string afterId, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BookmarkRow>(new CommandDefinition(
            _db.Dialect.Page(SelectBookmark + """
                 WHERE event_name = @eventName AND (correlation_key IS NULL OR correlation_key = @correlationKey) AND id > @afterId
                 ORDER BY id
                """),
            new { eventName, correlationKey, afterId, skip = 0, take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToBookmark()).ToArray();
    }

    /// <summary>A page of bookmarks of one instance or of every instance, by event name (e.g. pending approvals).</summary>
    public async Task<IReadOnlyList<StoredBookmark>> ListAsync(
        string? instanceId, string? eventName, int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BookmarkRow>(new CommandDefinition(
            _db.Dialect.Page(SelectBookmark + """
                 WHERE (@instanceId IS NULL OR instance_id = @instanceId) AND (@eventName IS NULL OR event_name = @eventName)
                 ORDER BY id
                """),
            new { instanceId, eventName, skip, take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToBookmark()).ToArray();
    }

    /// <summary>A page of timer bookmarks due at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<StoredBookmark>> FindDueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BookmarkRow>(new CommandDefinition(
            _db.Dialect.Page(SelectBookmark + " WHERE due_at IS NOT NULL AND due_at <= @now ORDER BY due_at, id"),
            new { now = UnixTime.ToMs(now), skip = 0, take }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToBookmark()).ToArray();
    }

    /// <summary>Keeps an event that found no bookmark, for a bookmark created shortly after (the start/wait race).</summary>
    public async Task AddStimulusAsync(string eventName, string correlationKey, string? payloadJson, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO workflow_stimuli (id, event_name, correlation_key, payload_json, expires_at) VALUES (@id, @eventName, @correlationKey, @payloadJson, @expiresAt)",
            new { id = Guid.CreateVersion7().ToString("N"), eventName, correlationKey, payloadJson, expiresAt = UnixTime.ToMs(expiresAt) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Takes (deletes and returns) one unexpired stimulus for a new bookmark; null when none.</summary>
    public async Task<string?> TakeStimulusAsync(string eventName, string correlationKey, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await _db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workflow_stimuli WHERE expires_at < @now", new { now = UnixTime.ToMs(now) }, cancellationToken: cancellationToken));
        var candidates = await connection.QueryAsync<(string Id, string? PayloadJson)>(new CommandDefinition(
            "SELECT id, payload_json FROM workflow_stimuli WHERE event_name = @eventName AND correlation_key = @correlationKey ORDER BY id",
            new { eventName, correlationKey }, cancellationToken: cancellationToken));
        foreach (var candidate in candidates)
        {
            // Deleting is the claim: only the engine whose delete removed the row uses it.
            if (await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM workflow_stimuli WHERE id = @Id", new { candidate.Id }, cancellationToken: cancellationToken)) == 1)
            {
                return candidate.PayloadJson ?? "null";
            }
        }

        return null;
    }
}
