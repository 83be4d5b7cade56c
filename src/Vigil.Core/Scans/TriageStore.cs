using System.Data.Common;
using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Core.Scans;

/// <summary>
/// Triage decisions (contracts §6): a finding key accepted or marked false positive on one node or fleet-wide, with a
/// reason and an optional expiry. A node's own decision wins over a fleet-wide one; expired ones no longer apply.
/// </summary>
public sealed class TriageStore(IDbConnectionFactory db, TimeProvider time)
{
    private const string Select = "SELECT id, finding_key, node_id, state, reason, expires_at, created_by, created_at FROM finding_triage";

    /// <summary>Sets (or replaces) the decision on <paramref name="findingKey"/> for a node, or fleet-wide when <paramref name="nodeId"/> is null.</summary>
    public async Task<TriageRule> SetAsync(string findingKey, string? nodeId, TriageState state, string reason, DateTimeOffset? expiresAt, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(findingKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var rule = new TriageRule
        {
            Id = Guid.CreateVersion7().ToString("N"), FindingKey = findingKey, NodeId = nodeId, State = state, Reason = reason.Trim(),
            ExpiresAt = expiresAt, CreatedBy = by, CreatedAt = time.GetUtcNow(),
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var owner = nodeId ?? TriageRule.FleetWide;
        await connection.ExecuteAsync("DELETE FROM finding_triage WHERE key_hash = @KeyHash AND node_id = @owner", new { KeyHash = FindingRows.Hash(findingKey), owner }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO finding_triage (id, key_hash, finding_key, node_id, state, reason, expires_at, created_by, created_at) " +
            "VALUES (@Id, @KeyHash, @FindingKey, @owner, @state, @Reason, @ExpiresAt, @CreatedBy, @CreatedAt)",
            new { rule.Id, KeyHash = FindingRows.Hash(findingKey), rule.FindingKey, owner, state = ScanStorage.TriageText(state), rule.Reason, rule.ExpiresAt, rule.CreatedBy, rule.CreatedAt },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return rule;
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM finding_triage WHERE id = @id", new { id }) > 0;
    }

    /// <summary>Every decision, newest first, optionally only those of one node (fleet-wide ones included).</summary>
    public async Task<Page<TriageRule>> ListAsync(string? nodeId, int skip, int take, CancellationToken cancellationToken = default)
    {
        var filter = nodeId is null ? "" : " WHERE node_id = @nodeId OR node_id = @fleet";
        var parameters = new { nodeId, fleet = TriageRule.FleetWide, skip = Math.Max(0, skip), take = Math.Clamp(take, 1, 500) };
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM finding_triage{filter}", parameters);
        var rows = await connection.QueryAsync<Row>(db.Dialect.Page($"{Select}{filter} ORDER BY created_at DESC, id"), parameters);
        return new Page<TriageRule>(rows.Select(r => r.ToRule()).ToList(), total);
    }

    /// <summary>The decisions in force for <paramref name="nodeId"/> now, by finding key (the node's own over fleet-wide).</summary>
    public async Task<IReadOnlyDictionary<string, TriageRule>> InForceAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await InForceAsync(connection, null, nodeId, time.GetUtcNow());
    }

    internal static async Task<IReadOnlyDictionary<string, TriageRule>> InForceAsync(DbConnection connection, DbTransaction? transaction, string nodeId, DateTimeOffset now)
    {
        var rows = await connection.QueryAsync<Row>($"{Select} WHERE node_id = @nodeId OR node_id = @fleet", new { nodeId, fleet = TriageRule.FleetWide }, transaction);
        return rows.Select(r => r.ToRule()).Where(r => r.IsActiveAt(now))
            .OrderBy(r => r.NodeId is null ? 0 : 1) // the node's own decision is applied last and wins
            .GroupBy(r => r.FindingKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string FindingKey { get; init; } = "";
        public string NodeId { get; init; } = "";
        public string State { get; init; } = "";
        public string Reason { get; init; } = "";
        public DateTimeOffset? ExpiresAt { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public TriageRule ToRule() => new()
        {
            Id = Id, FindingKey = FindingKey, NodeId = NodeId == TriageRule.FleetWide ? null : NodeId, State = ScanStorage.ParseTriage(State),
            Reason = Reason, ExpiresAt = ExpiresAt, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }
}
