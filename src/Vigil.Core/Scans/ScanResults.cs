using System.Data.Common;
using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Storage;

namespace Vigil.Core.Scans;

/// <summary>
/// What scans produce: the SBOM kept per scan (gzip-compressed), findings per scan, and each node's current
/// assessment (its latest SBOM against the latest snapshot), which a feed update re-evaluates without a rescan.
/// </summary>
public sealed class ScanResults(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time)
{
    /// <summary>Keeps a running scan's SBOM (already gzip-compressed) and moves it to the matching stage; false when the scan is not running.</summary>
    public async Task<bool> StoreSbomAsync(string scanId, string nodeId, byte[] compressed, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var running = await connection.ExecuteAsync(
            "UPDATE scans SET stage = 'matching', progress = 95, progress_at = @now WHERE id = @scanId AND node_id = @nodeId AND status = @running",
            new { now, scanId, nodeId, running = ScanStorage.Running }, transaction);
        if (running == 0)
        {
            return false;
        }

        await connection.ExecuteAsync("DELETE FROM scan_sboms WHERE scan_id = @scanId", new { scanId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO scan_sboms (scan_id, node_id, content, size, created_at) VALUES (@scanId, @nodeId, @compressed, @size, @now)",
            new { scanId, nodeId, compressed, size = compressed.LongLength, now }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The scan's SBOM as stored (gzip-compressed CycloneDX JSON); null when the scan kept none.</summary>
    public async Task<byte[]?> SbomAsync(string scanId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>("SELECT content FROM scan_sboms WHERE scan_id = @scanId", new { scanId });
    }

    /// <summary>
    /// Completes a running scan: stores its findings, replaces the node's current assessment and raises
    /// <see cref="ScanCompleted"/> and <see cref="FindingsChanged"/>, all in one transaction. False when the scan
    /// ended meanwhile (cancelled, timed out): then nothing is written.
    /// </summary>
    public async Task<bool> CompleteAsync(string scanId, string snapshotId, int componentCount, IReadOnlyList<FindingRecord> findings, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var scan = await connection.QuerySingleOrDefaultAsync<ScanRow>($"{ScanStore.SelectScans} WHERE s.id = @scanId", new { scanId }, transaction);
        if (scan is null || scan.Status != ScanStorage.Running)
        {
            return false;
        }

        var triage = await TriageStore.InForceAsync(connection, transaction, scan.NodeId, now);
        var summary = Summarize(findings, triage);
        await connection.ExecuteAsync(
            "UPDATE scans SET status = @complete, stage = 'complete', progress = 100, finished_at = @now, snapshot_id = @snapshotId, " +
            "critical = @Critical, high = @High, medium = @Medium, low = @Low, unknown = @Unknown, component_count = @componentCount WHERE id = @scanId",
            new { complete = ScanStorage.Complete, now, snapshotId, summary.Critical, summary.High, summary.Medium, summary.Low, summary.Unknown, componentCount, scanId },
            transaction);
        await FindingRows.InsertAsync(connection, transaction, "scan_findings", "scan_id", scanId, findings);
        var (added, removed) = await ReplaceAssessmentAsync(connection, transaction, scan.NodeId, scanId, snapshotId, componentCount, findings, summary, now);
        var nodeName = scan.NodeName ?? "";
        await outbox.AppendAsync(connection, transaction, new ScanCompleted(scanId, scan.NodeId, nodeName, summary, snapshotId));
        await outbox.AppendAsync(connection, transaction, new FindingsChanged(scan.NodeId, nodeName, scanId, snapshotId, added, removed));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }

    /// <summary>Makes the scan's SBOM the node's latest without findings (no feed yet), so the first feed import assesses it.</summary>
    public async Task KeepSbomUnmatchedAsync(string scanId, string nodeId, int componentCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM node_assessments WHERE node_id = @nodeId", new { nodeId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO node_assessments (node_id, sbom_scan_id, snapshot_id, assessed_at, component_count) VALUES (@nodeId, @scanId, NULL, NULL, @componentCount)",
            new { nodeId, scanId, componentCount }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces the node's current assessment with a re-match of its latest SBOM against a new snapshot, raising
    /// <see cref="FindingsChanged"/> (with the snapshot, no scan) when findings appeared or went away. False when the
    /// node's latest SBOM changed meanwhile (a newer scan wins).
    /// </summary>
    public async Task<bool> ReassessAsync(string nodeId, string sbomScanId, string snapshotId, int componentCount, IReadOnlyList<FindingRecord> findings, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.ExecuteScalarAsync<string>("SELECT sbom_scan_id FROM node_assessments WHERE node_id = @nodeId", new { nodeId }, transaction);
        if (current != sbomScanId)
        {
            return false;
        }

        var triage = await TriageStore.InForceAsync(connection, transaction, nodeId, now);
        var summary = Summarize(findings, triage);
        var (added, removed) = await ReplaceAssessmentAsync(connection, transaction, nodeId, sbomScanId, snapshotId, componentCount, findings, summary, now);
        if (added.Count > 0 || removed.Count > 0)
        {
            var name = await connection.ExecuteScalarAsync<string>("SELECT name FROM nodes WHERE id = @nodeId", new { nodeId }, transaction) ?? "";
            await outbox.AppendAsync(connection, transaction, new FindingsChanged(nodeId, name, null, snapshotId, added, removed));
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }

    /// <summary>Nodes whose assessment was not made against <paramref name="snapshotId"/>, by node id after <paramref name="afterNodeId"/>: the batches of a re-assessment.</summary>
    public async Task<IReadOnlyList<NodeAssessment>> StaleAssessmentsAsync(string snapshotId, string afterNodeId, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AssessmentRow>(
            db.Dialect.Page($"{SelectAssessments} WHERE (snapshot_id IS NULL OR snapshot_id <> @snapshotId) AND node_id > @afterNodeId ORDER BY node_id"),
            new { snapshotId, afterNodeId, skip = 0, take });
        return rows.Select(r => r.ToAssessment()).ToList();
    }

    public async Task<NodeAssessment?> AssessmentAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<AssessmentRow>($"{SelectAssessments} WHERE node_id = @nodeId", new { nodeId }))?.ToAssessment();
    }

    /// <summary>A scan's findings, filtered and paged, worst first, each with the triage in force now.</summary>
    public Task<Page<FindingRecord>> FindingsOfScanAsync(string scanId, FindingQuery query, CancellationToken cancellationToken = default) =>
        FindingsAsync("scan_findings", "scan_id", scanId, "(SELECT node_id FROM scans WHERE id = @owner)", query, cancellationToken);

    /// <summary>A node's current findings (its assessment), filtered and paged, worst first.</summary>
    public Task<Page<FindingRecord>> CurrentFindingsAsync(string nodeId, FindingQuery query, CancellationToken cancellationToken = default) =>
        FindingsAsync("node_findings", "node_id", nodeId, "@owner", query, cancellationToken);

    private const string SelectAssessments =
        "SELECT node_id, sbom_scan_id, snapshot_id, assessed_at, critical, high, medium, low, unknown, component_count FROM node_assessments";

    private async Task<Page<FindingRecord>> FindingsAsync(string table, string ownerColumn, string owner, string nodeOfOwner, FindingQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string> { $"{ownerColumn} = @owner" };
        var parameters = new DynamicParameters();
        parameters.Add("owner", owner);
        if (!string.IsNullOrWhiteSpace(query.Severity))
        {
            where.Add("severity = @severity");
            parameters.Add("severity", query.Severity.Trim().ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(query.Package))
        {
            where.Add(db.Dialect.ContainsIgnoreCase("package_name", "@package"));
            parameters.Add("package", LikePattern.Escape(query.Package.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            where.Add($"({db.Dialect.ContainsIgnoreCase("advisory_id", "@search")} OR {db.Dialect.ContainsIgnoreCase("aliases", "@search")} OR {db.Dialect.ContainsIgnoreCase("package_name", "@search")})");
            parameters.Add("search", LikePattern.Escape(query.Search.Trim()));
        }

        var filter = " WHERE " + string.Join(" AND ", where);
        parameters.Add("skip", Math.Max(0, query.Skip));
        parameters.Add("take", Math.Clamp(query.Take, 1, FindingQuery.MaxTake));
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table}{filter}", parameters);
        var firstSeen = table == "node_findings" ? ", first_seen" : "";
        var rows = (await connection.QueryAsync<FindingRows.Row>(
            db.Dialect.Page($"SELECT {FindingRows.Columns}{firstSeen} FROM {table}{filter} ORDER BY {FindingRows.WorstFirst}"), parameters)).ToList();
        var nodeId = await connection.ExecuteScalarAsync<string>($"SELECT {nodeOfOwner}", new { owner });
        var triage = nodeId is null ? new Dictionary<string, TriageRule>() : await TriageStore.InForceAsync(connection, null, nodeId, time.GetUtcNow());
        return new Page<FindingRecord>(rows.Select(r => r.ToRecord(triage.GetValueOrDefault(r.FindingKey))).ToList(), total);
    }

    private static ScanSummary Summarize(IEnumerable<FindingRecord> findings, IReadOnlyDictionary<string, TriageRule> triage)
    {
        var counted = findings.Where(f => !triage.ContainsKey(f.Key)).GroupBy(f => f.Severity).ToDictionary(g => g.Key, g => g.Count());
        return new ScanSummary(
            counted.GetValueOrDefault("critical"), counted.GetValueOrDefault("high"), counted.GetValueOrDefault("medium"),
            counted.GetValueOrDefault("low"), counted.GetValueOrDefault("unknown"));
    }

    private static async Task<(IReadOnlyList<FindingChange> Added, IReadOnlyList<FindingChange> Removed)> ReplaceAssessmentAsync(
        DbConnection connection, DbTransaction transaction, string nodeId, string sbomScanId, string snapshotId, int componentCount,
        IReadOnlyList<FindingRecord> findings, ScanSummary summary, DateTimeOffset now)
    {
        var previous = (await connection.QueryAsync<PreviousRow>(
            "SELECT finding_key, advisory_id, severity, first_seen FROM node_findings WHERE node_id = @nodeId", new { nodeId }, transaction))
            .ToDictionary(r => r.FindingKey, StringComparer.Ordinal);
        var current = findings.DistinctBy(f => f.Key, StringComparer.Ordinal).ToList();
        var currentKeys = current.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var added = current.Where(f => !previous.ContainsKey(f.Key)).Select(f => new FindingChange(f.Key, f.Id, f.Severity)).ToList();
        var removed = previous.Values.Where(p => !currentKeys.Contains(p.FindingKey)).Select(p => new FindingChange(p.FindingKey, p.AdvisoryId, p.Severity)).ToList();

        await connection.ExecuteAsync("DELETE FROM node_findings WHERE node_id = @nodeId", new { nodeId }, transaction);
        await FindingRows.InsertAsync(connection, transaction, "node_findings", "node_id", nodeId,
            current.Select(f => f with { FirstSeen = previous.TryGetValue(f.Key, out var p) ? p.FirstSeen : now }), now);
        await connection.ExecuteAsync("DELETE FROM node_assessments WHERE node_id = @nodeId", new { nodeId }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO node_assessments (node_id, sbom_scan_id, snapshot_id, assessed_at, critical, high, medium, low, unknown, component_count) " +
            "VALUES (@nodeId, @sbomScanId, @snapshotId, @now, @Critical, @High, @Medium, @Low, @Unknown, @componentCount)",
            new { nodeId, sbomScanId, snapshotId, now, summary.Critical, summary.High, summary.Medium, summary.Low, summary.Unknown, componentCount }, transaction);
        return (added, removed);
    }

    private sealed class PreviousRow
    {
        public string FindingKey { get; init; } = "";
        public string AdvisoryId { get; init; } = "";
        public string Severity { get; init; } = "";
        public DateTimeOffset FirstSeen { get; init; }
    }

    private sealed class AssessmentRow
    {
        public string NodeId { get; init; } = "";
        public string SbomScanId { get; init; } = "";
        public string? SnapshotId { get; init; }
        public DateTimeOffset? AssessedAt { get; init; }
        public int Critical { get; init; }
        public int High { get; init; }
        public int Medium { get; init; }
        public int Low { get; init; }
        public int Unknown { get; init; }
        public int ComponentCount { get; init; }

        public NodeAssessment ToAssessment() =>
            new(NodeId, SbomScanId, SnapshotId, AssessedAt, new ScanSummary(Critical, High, Medium, Low, Unknown), ComponentCount);
    }
}
