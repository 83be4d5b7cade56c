using System.Data.Common;
using System.Text.Json;
using Dapper;
using Vigil.Core.Json;
using Vigil.Core.Storage;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Dashboard.Notifications;

/// <summary>
/// <c>notification_deliveries</c>: the persistent queue the worker drains and the log people read. Enqueueing is
/// idempotent by key; a claim moves <c>due_at</c> to the end of a lease, so a crashed send becomes due again.
/// </summary>
public sealed class DeliveryQueue(IDbConnectionFactory db, TimeProvider time)
{
    private static readonly string[] InsertColumns =
        ["id", "idempotency_key", "integration_id", "channel_name", "rule_id", "rule_name", "event_type", "title", "message", "status", "attempts", "created_at", "due_at"];

    private const string Columns =
        "id AS Id, integration_id AS IntegrationId, channel_name AS ChannelName, rule_id AS RuleId, rule_name AS RuleName, event_type AS EventType, " +
        "title AS Title, status AS Status, attempts AS Attempts, last_error AS LastError, response_code AS ResponseCode, created_at AS CreatedAt, " +
        "due_at AS DueAt, completed_at AS CompletedAt";

    public static string Serialize(NotificationMessage message) => JsonSerializer.Serialize(message, VigilJson.Options);

    public static NotificationMessage Deserialize(string json) => JsonSerializer.Deserialize<NotificationMessage>(json, VigilJson.Options)!;

    /// <summary>Queues a message for a channel unless <paramref name="key"/> was queued before.</summary>
    /// <returns>The delivery's id, or null when the key already existed.</returns>
    public async Task<string?> EnqueueAsync(
        DbConnection connection, DbTransaction? transaction, string key, string integrationId, string channelName,
        string? ruleId, string? ruleName, string eventType, NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7().ToString("N");
        var inserted = await connection.ExecuteAsync(db.Dialect.InsertIfAbsent("notification_deliveries", ["idempotency_key"], InsertColumns), new
        {
            id,
            idempotency_key = key,
            integration_id = integrationId,
            channel_name = channelName,
            rule_id = ruleId,
            rule_name = ruleName,
            event_type = eventType,
            title = message.Title.Length <= 1000 ? message.Title : message.Title[..1000],
            message = Serialize(message),
            status = DeliveryStatus.Pending,
            attempts = 0,
            created_at = now,
            due_at = now,
        }, transaction);
        return inserted > 0 ? id : null;
    }

    public async Task<string?> EnqueueAsync(string key, string integrationId, string channelName, string? ruleId, string? ruleName, string eventType, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await EnqueueAsync(connection, null, key, integrationId, channelName, ruleId, ruleName, eventType, message);
    }

    /// <summary>Claims up to <paramref name="max"/> due deliveries (pending, or sending with an expired lease).</summary>
    public async Task<IReadOnlyList<DeliveryWork>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        if (max <= 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        var due = await connection.QueryAsync<DueRow>(new CommandDefinition(
            db.Dialect.Page("SELECT id AS Id, integration_id AS IntegrationId, channel_name AS ChannelName, message AS Message, attempts AS Attempts, status AS Status, due_at AS DueAt " +
                            "FROM notification_deliveries WHERE status IN ('pending', 'sending') AND due_at <= @now ORDER BY due_at, id"),
            new { now, skip = 0, take = max }, cancellationToken: cancellationToken));
        var claimed = new List<DeliveryWork>();
        foreach (var row in due)
        {
            var won = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE notification_deliveries SET status = 'sending', due_at = @until WHERE id = @Id AND status = @Status AND due_at = @DueAt",
                new { until = now + lease, row.Id, row.Status, row.DueAt }, cancellationToken: cancellationToken));
            if (won == 1)
            {
                claimed.Add(new DeliveryWork(row.Id, row.IntegrationId, row.ChannelName, Deserialize(row.Message), row.Attempts));
            }
        }

        return claimed;
    }

    public async Task DeliveredAsync(string id, int attempts, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_deliveries SET status = 'delivered', attempts = @attempts, completed_at = @now, due_at = @now WHERE id = @id",
            new { id, attempts, now }, cancellationToken: cancellationToken));
    }

    /// <summary>Records a failed attempt: pending again at <paramref name="retryAt"/>, or failed for good when it is null.</summary>
    public async Task FailedAsync(string id, int attempts, string error, int? responseCode, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_deliveries SET status = @status, attempts = @attempts, last_error = @error, response_code = @responseCode, " +
            "due_at = @due, completed_at = @completed WHERE id = @id",
            new
            {
                id,
                attempts,
                error,
                responseCode,
                status = retryAt is null ? DeliveryStatus.Failed : DeliveryStatus.Pending,
                due = retryAt ?? now,
                completed = retryAt is null ? now : (DateTimeOffset?)null,
            }, cancellationToken: cancellationToken));
    }

    public async Task<NotificationDelivery?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LogRow>(new CommandDefinition(
            $"SELECT {Columns} FROM notification_deliveries WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToDelivery();
    }

    /// <summary>Newest first, optionally one status and/or one channel.</summary>
    public async Task<Page<NotificationDelivery>> ListAsync(int skip, int take, string? status, string? integrationId, CancellationToken cancellationToken = default)
    {
        var where = "WHERE 1 = 1" + (status is null ? "" : " AND status = @status") + (integrationId is null ? "" : " AND integration_id = @integrationId");
        var args = new { skip = Math.Max(0, skip), take = Math.Clamp(take, 1, 500), status, integrationId };
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM notification_deliveries {where}", args, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<LogRow>(new CommandDefinition(
            db.Dialect.Page($"SELECT {Columns} FROM notification_deliveries {where} ORDER BY created_at DESC, id DESC"), args, cancellationToken: cancellationToken));
        return new Page<NotificationDelivery>(rows.Select(r => r.ToDelivery()).ToList(), total);
    }

    private sealed class LogRow
    {
        public string Id { get; init; } = "";
        public string IntegrationId { get; init; } = "";
        public string ChannelName { get; init; } = "";
        public string? RuleId { get; init; }
        public string? RuleName { get; init; }
        public string EventType { get; init; } = "";
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public int? ResponseCode { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }

        public NotificationDelivery ToDelivery() => new(
            Id, IntegrationId, ChannelName, RuleId, RuleName, EventType, Title, Status, Attempts, LastError, ResponseCode, CreatedAt, DueAt, CompletedAt);
    }

    private sealed class DueRow
    {
        public string Id { get; init; } = "";
        public string IntegrationId { get; init; } = "";
        public string ChannelName { get; init; } = "";
        public string Message { get; init; } = "{}";
        public int Attempts { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset DueAt { get; init; }
    }
}
