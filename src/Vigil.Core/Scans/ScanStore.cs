using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Core.Storage;

namespace Vigil.Core.Scans;

/// <summary>
/// Scans and their lifecycle: Queued → Running → Complete | Failed | Cancelled. Every transition is a conditional
/// update written with its event, so two writers (an agent's report and the sweeper, say) can never both win, and
/// the database's filtered unique index keeps one active scan per node whatever the race.
/// </summary>
public sealed class ScanStore(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time, IOptions<ScanOptions> options)
{
    internal const string SelectScans =
        "SELECT s.id, s.node_id, n.name AS node_name, s.status, s.stage, s.progress, s.error, s.requested_by, s.created_at, s.started_at, " +
        "s.finished_at, s.deadline, s.snapshot_id, s.critical, s.high, s.medium, s.low, s.unknown, s.component_count, s.scanner_node_id " +
        "FROM scans s LEFT JOIN nodes n ON n.id = s.node_id";

    private static readonly string[] Active = [ScanStorage.Queued, ScanStorage.Running];

    public async Task<Scan?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ScanRow>($"{SelectScans} WHERE s.id = @id", new { id }))?.ToScan();
    }

    /// <summary>Scans newest first, filtered by <paramref name="query"/> and, when given, a search by node name or scan id.</summary>
    public async Task<Page<Scan>> ListAsync(ScanQuery query, string? search = null, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (query.NodeId is { Length: > 0 } nodeId)
        {
            where.Add("s.node_id = @nodeId");
            parameters.Add("nodeId", nodeId);
        }

        if (query.Status is { } status)
        {
            where.Add("s.status = @status");
            parameters.Add("status", ScanStorage.StatusText(status));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            where.Add($"({db.Dialect.ContainsIgnoreCase("n.name", "@search")} OR s.id = @id)");
            parameters.Add("search", LikePattern.Escape(search.Trim()));
            parameters.Add("id", search.Trim());
        }

        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        parameters.Add("skip", Math.Max(0, query.Skip));
        parameters.Add("take", Math.Clamp(query.Take, 1, ScanQuery.MaxTake));
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM scans s LEFT JOIN nodes n ON n.id = s.node_id{filter}", parameters);
        var rows = await connection.QueryAsync<ScanRow>(db.Dialect.Page($"{SelectScans}{filter} ORDER BY s.created_at DESC, s.id DESC"), parameters);
        return new Page<Scan>(rows.Select(r => r.ToScan()).ToList(), total);
    }

    /// <summary>The newest scan of each of <paramref name="nodeIds"/> that has one.</summary>
    public async Task<IReadOnlyDictionary<string, Scan>> LatestOfNodesAsync(IReadOnlyList<string> nodeIds, CancellationToken cancellationToken = default)
    {
        if (nodeIds.Count == 0)
        {
            return new Dictionary<string, Scan>();
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScanRow>(
            $"{SelectScans} WHERE s.node_id IN @nodeIds AND s.created_at = (SELECT MAX(x.created_at) FROM scans x WHERE x.node_id = s.node_id)",
            new { nodeIds });
        return rows.Select(r => r.ToScan()).GroupBy(s => s.NodeId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Id)!);
    }

    /// <summary>The scans waiting for <paramref name="nodeId"/>'s agent (at most one).</summary>
    public async Task<Scan?> ActiveOfNodeAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<ScanRow>($"{SelectScans} WHERE s.node_id = @nodeId AND s.status IN @Active", new { nodeId, Active }))?.ToScan();
    }

    /// <summary>
    /// Queues a scan of <paramref name="nodeId"/>, or returns its active scan: never a duplicate, even when requests
    /// race (the unique index refuses the second insert and the loser reads the winner's scan). Null for an unknown or
    /// removed node. <paramref name="running"/> starts it as Running at once (an SBOM pushed by a caller).
    /// </summary>
    public async Task<ScanRequest?> QueueAsync(string nodeId, string requestedBy, bool running = false, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            var node = await connection.QuerySingleOrDefaultAsync<NodeRow>("SELECT name, status FROM nodes WHERE id = @nodeId", new { nodeId });
            if (node is null || node.Status == NodeStorage.StatusText(NodeStatus.Removed))
            {
                return null;
            }

            if (await ActiveAsync(connection, nodeId) is { } existing)
            {
                return new ScanRequest(existing, false);
            }

            var now = time.GetUtcNow();
            var id = Guid.CreateVersion7().ToString("N");
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(
                    "INSERT INTO scans (id, node_id, status, stage, progress, requested_by, created_at, started_at, progress_at, deadline) " +
                    "VALUES (@id, @nodeId, @status, @stage, 0, @requestedBy, @now, @startedAt, @now, @deadline)",
                    new
                    {
                        id, nodeId, status = running ? ScanStorage.Running : ScanStorage.Queued, stage = running ? "matching" : "queued",
                        requestedBy, now, startedAt = running ? now : (DateTimeOffset?)null, deadline = now + options.Value.TotalTimeout,
                    },
                    transaction);
                await outbox.AppendAsync(connection, transaction, new ScanQueued(id, nodeId, node.Name, requestedBy));
                if (running)
                {
                    await outbox.AppendAsync(connection, transaction, new ScanStarted(id, nodeId, node.Name));
                }

                await transaction.CommitAsync(cancellationToken);
                outbox.Committed();
                return new ScanRequest((await ActiveAsync(connection, nodeId))!, true);
            }
            catch (DbException) when (attempt < 2)
            {
                // Most likely lost the race to a concurrent request (the unique index refused the insert): the next
                // attempt returns the winner's scan.
            }
        }

        throw new InvalidOperationException($"Could not queue a scan of node {nodeId}.");
    }

    /// <summary>
    /// Records an agent's progress; the first report moves a queued scan to Running (<see cref="ScanStarted"/>).
    /// False when the scan is not active for that node any more, so the agent stops.
    /// </summary>
    public async Task<bool> ReportProgressAsync(string scanId, string nodeId, string stage, int percent, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        percent = Math.Clamp(percent, 0, 99);
        stage = stage.Length > 64 ? stage[..64] : stage;
        await using var connection = await db.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(
            "UPDATE scans SET stage = @stage, progress = @percent, progress_at = @now WHERE id = @scanId AND (node_id = @nodeId OR scanner_node_id = @nodeId) AND status = @running",
            new { stage, percent, now, scanId, nodeId, running = ScanStorage.Running });
        if (updated > 0)
        {
            return true;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var started = await connection.ExecuteAsync(
            "UPDATE scans SET status = @running, stage = @stage, progress = @percent, started_at = @now, progress_at = @now " +
            "WHERE id = @scanId AND (node_id = @nodeId OR scanner_node_id = @nodeId) AND status = @queued",
            new { stage, percent, now, scanId, nodeId, running = ScanStorage.Running, queued = ScanStorage.Queued }, transaction);
        if (started == 0)
        {
            return false;
        }

        var scanned = await connection.QuerySingleAsync<(string NodeId, string? Name)>(
            "SELECT s.node_id, n.name FROM scans s LEFT JOIN nodes n ON n.id = s.node_id WHERE s.id = @scanId", new { scanId }, transaction);
        await outbox.AppendAsync(connection, transaction, new ScanStarted(scanId, scanned.NodeId, scanned.Name ?? ""));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }

    /// <summary>Fails an active scan with <paramref name="error"/>; false when it had already ended.</summary>
    public async Task<bool> FailAsync(string scanId, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await EndAsync(connection, scanId, ScanStatus.Failed, error, null, Active, cancellationToken);
    }

    /// <summary>Cancels an active scan; returns the scan as it is now (null when unknown) and whether this call cancelled it.</summary>
    public async Task<(Scan? Scan, bool Cancelled)> CancelAsync(string scanId, string by, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var cancelled = await EndAsync(connection, scanId, ScanStatus.Cancelled, null, by, Active, cancellationToken);
        var scan = (await connection.QuerySingleOrDefaultAsync<ScanRow>($"{SelectScans} WHERE s.id = @scanId", new { scanId }))?.ToScan();
        return (scan, cancelled);
    }

    /// <summary>
    /// The node's agent disconnected: fails the node's running scan with <paramref name="error"/> (a queued one waits
    /// for the agent's return) and, with <paramref name="scannerError"/>, every scan it ran for other nodes, queued or
    /// running, since those were handed to it alone.
    /// </summary>
    public async Task<int> FailRunningOfNodeAsync(string nodeId, string error, string scannerError, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var own = await connection.QueryAsync<string>("SELECT id FROM scans WHERE node_id = @nodeId AND status = @running", new { nodeId, running = ScanStorage.Running });
        var handed = await connection.QueryAsync<string>("SELECT id FROM scans WHERE scanner_node_id = @nodeId AND status IN @Active", new { nodeId, Active });
        var failed = 0;
        foreach (var (id, reason) in own.Select(id => (id, error)).Concat(handed.Select(id => (id, scannerError))))
        {
            failed += await EndAsync(connection, id, ScanStatus.Failed, reason, null, Active, cancellationToken) ? 1 : 0;
        }

        return failed;
    }

    /// <summary>Queued scans handed to the agent of <paramref name="scannerNodeId"/> (its containers' scans), oldest first.</summary>
    public async Task<IReadOnlyList<Scan>> QueuedForScannerAsync(string scannerNodeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ScanRow>(
            $"{SelectScans} WHERE s.scanner_node_id = @scannerNodeId AND s.status = @queued ORDER BY s.created_at",
            new { scannerNodeId, queued = ScanStorage.Queued })).Select(r => r.ToScan()).ToList();
    }

    /// <summary>Hands an active scan to the agent of <paramref name="scannerNodeId"/>; false when the scan already ended.</summary>
    public async Task<bool> AssignScannerAsync(string scanId, string scannerNodeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE scans SET scanner_node_id = @scannerNodeId WHERE id = @scanId AND status IN @Active", new { scannerNodeId, scanId, Active }) > 0;
    }

    /// <summary>On console start: running scans lost their in-memory state (dispatch, matching) with the old process.</summary>
    public async Task<int> FailInterruptedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>("SELECT id FROM scans WHERE status = @running", new { running = ScanStorage.Running });
        var failed = 0;
        foreach (var id in ids)
        {
            failed += await EndAsync(connection, id, ScanStatus.Failed, ScanFailures.ConsoleRestarted, null, [ScanStorage.Running], cancellationToken) ? 1 : 0;
        }

        return failed;
    }

    /// <summary>Fails every scan past one of its timeouts, each with the reason; returns how many.</summary>
    public async Task<int> FailOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        await using var connection = await db.OpenAsync(cancellationToken);
        var overdue = await connection.QueryAsync<OverdueRow>(
            "SELECT id, status, deadline, created_at, progress_at FROM scans WHERE (status = @running OR status = @queued) AND " +
            "(deadline < @now OR (status = @queued AND created_at < @queuedCutoff) OR (status = @running AND progress_at < @stallCutoff))",
            new { running = ScanStorage.Running, queued = ScanStorage.Queued, now, queuedCutoff = now - o.QueuedTimeout, stallCutoff = now - o.StallTimeout });
        var failed = 0;
        foreach (var scan in overdue)
        {
            var reason = scan.Deadline < now ? ScanFailures.TimedOut(o.TotalTimeout)
                : scan.Status == ScanStorage.Queued ? ScanFailures.NotPickedUp(o.QueuedTimeout)
                : ScanFailures.Stalled(o.StallTimeout);
            failed += await EndAsync(connection, scan.Id, ScanStatus.Failed, reason, null, [scan.Status], cancellationToken) ? 1 : 0;
        }

        return failed;
    }

    internal static async Task<Scan?> ActiveAsync(DbConnection connection, string nodeId, DbTransaction? transaction = null) =>
        (await connection.QuerySingleOrDefaultAsync<ScanRow>($"{SelectScans} WHERE s.node_id = @nodeId AND s.status IN @Active", new { nodeId, Active }, transaction))?.ToScan();

    private async Task<bool> EndAsync(DbConnection connection, string scanId, ScanStatus to, string? error, string? by, string[] from, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await connection.ExecuteAsync(
            "UPDATE scans SET status = @to, error = @error, finished_at = @now WHERE id = @scanId AND status IN @from",
            new { to = ScanStorage.StatusText(to), error, now = time.GetUtcNow(), scanId, from }, transaction);
        if (ended == 0)
        {
            return false;
        }

        var scan = await connection.QuerySingleAsync<ScanRow>($"{SelectScans} WHERE s.id = @scanId", new { scanId }, transaction);
        await outbox.AppendAsync(connection, transaction, to == ScanStatus.Cancelled
            ? new ScanCancelled(scanId, scan.NodeId, scan.NodeName ?? "", by ?? "")
            : new ScanFailed(scanId, scan.NodeId, scan.NodeName ?? "", error ?? ""));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }

    private sealed class NodeRow
    {
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
    }

    private sealed class OverdueRow
    {
        public string Id { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset Deadline { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ProgressAt { get; init; }
    }
}
