using Dapper;
using Vigil.Core.Storage;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Dashboard.Notifications;

/// <summary>
/// <c>notification_digest_items</c>: messages of digest rules, held until their window closes. The first item for a
/// (rule, channel) opens the window (<c>flush_at</c> = now + the rule's minutes); later ones join it. The worker turns
/// each closed window into one delivery, in the same transaction that deletes its items.
/// </summary>
public sealed class DigestQueue(IDbConnectionFactory db, DeliveryQueue deliveries, PublicLinks links, TimeProvider time)
{
    private const int MaxListed = 30;

    public async Task AddAsync(string key, string ruleId, string integrationId, TimeSpan window, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        var open = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT MIN(flush_at) FROM notification_digest_items WHERE rule_id = @ruleId AND integration_id = @integrationId",
            new { ruleId, integrationId }, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            db.Dialect.InsertIfAbsent("notification_digest_items", ["idempotency_key"], ["id", "idempotency_key", "rule_id", "integration_id", "message", "created_at", "flush_at"]),
            new
            {
                id = Guid.CreateVersion7().ToString("N"),
                idempotency_key = key,
                rule_id = ruleId,
                integration_id = integrationId,
                message = DeliveryQueue.Serialize(message),
                created_at = now,
                flush_at = open ?? now + window,
            }, cancellationToken: cancellationToken));
    }

    /// <summary>Items waiting, for the page.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM notification_digest_items", cancellationToken: cancellationToken));
    }

    /// <summary>Turns every closed window into one queued delivery; returns how many digests were queued.</summary>
    public async Task<int> FlushDueAsync(Func<string, string, Task<(string? RuleName, string? ChannelName)>> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        var groups = (await connection.QueryAsync<Group>(new CommandDefinition(
            "SELECT DISTINCT rule_id AS RuleId, integration_id AS IntegrationId FROM notification_digest_items WHERE flush_at <= @now",
            new { now }, cancellationToken: cancellationToken))).ToArray();
        var flushed = 0;
        foreach (var group in groups)
        {
            var (ruleName, channelName) = await names(group.RuleId, group.IntegrationId);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var items = (await connection.QueryAsync<Item>(
                "SELECT id AS Id, message AS Message, created_at AS CreatedAt FROM notification_digest_items " +
                "WHERE rule_id = @RuleId AND integration_id = @IntegrationId AND flush_at <= @now ORDER BY created_at, id",
                new { group.RuleId, group.IntegrationId, now }, transaction)).ToArray();
            if (items.Length == 0)
            {
                continue;
            }

            if (channelName is not null)
            {
                var digest = Digest(ruleName ?? "a deleted rule", items.Select(i => DeliveryQueue.Deserialize(i.Message)).ToArray());
                await deliveries.EnqueueAsync(connection, transaction, $"digest:{items[0].Id}", group.IntegrationId, channelName, group.RuleId, ruleName, "Digest", digest);
                flushed++;
            }

            await connection.ExecuteAsync(
                "DELETE FROM notification_digest_items WHERE rule_id = @RuleId AND integration_id = @IntegrationId AND flush_at <= @now",
                new { group.RuleId, group.IntegrationId, now }, transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        return flushed;
    }

    /// <summary>One message listing the window's messages, most severe first.</summary>
    public NotificationMessage Digest(string ruleName, IReadOnlyList<NotificationMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var ordered = messages.OrderByDescending(m => m.Severity).ToArray();
        var lines = ordered.Take(MaxListed).Select(m => $"• [{m.Severity.ToString().ToLowerInvariant()}] {m.Title}").ToList();
        if (ordered.Length > MaxListed)
        {
            lines.Add($"… and {ordered.Length - MaxListed} more");
        }

        return new NotificationMessage(
            $"Vigil digest: {ordered.Length} notification{(ordered.Length == 1 ? "" : "s")} ({ruleName})",
            string.Join('\n', lines),
            ordered.Length == 0 ? NotificationSeverity.Info : ordered[0].Severity,
            links.Page("integrations/notifications"),
            [new("Rule", ruleName), new("Notifications", ordered.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            null);
    }

    private sealed class Group
    {
        public string RuleId { get; init; } = "";
        public string IntegrationId { get; init; } = "";
    }

    private sealed class Item
    {
        public string Id { get; init; } = "";
        public string Message { get; init; } = "{}";
        public DateTimeOffset CreatedAt { get; init; }
    }
}
