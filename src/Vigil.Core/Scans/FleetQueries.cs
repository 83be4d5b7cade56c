using System.Text.Json;
using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Core.Storage;

namespace Vigil.Core.Scans;

/// <summary>
/// Read-side queries across the fleet for the monitoring wall and the scans report: node counts, current findings by
/// severity and by node, the newest critical findings, "which nodes have CVE-X", and the scan list with search. Current
/// findings are the nodes' assessments (their latest SBOM against the latest feed), counted without the triaged ones
/// in force now; removed nodes are left out.
/// </summary>
public sealed class FleetQueries(IDbConnectionFactory db, TimeProvider time)
{
    /// <summary>A triage decision in force now on finding <c>f</c> (its node's own or fleet-wide).</summary>
    private const string TriageInForce =
        "FROM finding_triage t WHERE t.key_hash = f.key_hash AND (t.node_id = f.node_id OR t.node_id = '*') AND (t.expires_at IS NULL OR t.expires_at > @now)";

    private const string Untriaged = $"NOT EXISTS (SELECT 1 {TriageInForce})";

    private const string FindingColumns =
        "f.node_id, n.name AS node_name, n.type AS node_type, n.status AS node_status, f.finding_key, f.advisory_id, f.aliases, f.summary, f.severity, " +
        $"f.score, f.package_name, f.package_version, f.ecosystem, f.fixed_versions, f.first_seen, (SELECT MIN(t.state) {TriageInForce}) AS triage";

    private const string SeverityCounts =
        "SUM(CASE WHEN f.severity = 'critical' THEN 1 ELSE 0 END) AS critical, SUM(CASE WHEN f.severity = 'high' THEN 1 ELSE 0 END) AS high, " +
        "SUM(CASE WHEN f.severity = 'medium' THEN 1 ELSE 0 END) AS medium, SUM(CASE WHEN f.severity = 'low' THEN 1 ELSE 0 END) AS low, " +
        "SUM(CASE WHEN f.severity = 'unknown' THEN 1 ELSE 0 END) AS unknown";

    private static readonly string Removed = NodeStorage.StatusText(NodeStatus.Removed);

    /// <summary>Every node's id, name, type and status (the wall keeps them to count transitions in memory).</summary>
    public async Task<IReadOnlyList<FleetNode>> NodesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<FleetNode>("SELECT id, name, type, status FROM nodes")).ToList();
    }

    /// <summary>Current findings across the fleet by severity, triaged ones left out.</summary>
    public async Task<ScanSummary> SeverityTotalsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CountsRow>(
            $"SELECT {SeverityCounts} FROM node_findings f JOIN nodes n ON n.id = f.node_id WHERE n.status <> @Removed AND {Untriaged}",
            new { Removed, now = time.GetUtcNow() });
        return row.ToSummary();
    }

    /// <summary>The nodes with the worst current findings (critical first, then high, medium, low), triaged ones left out.</summary>
    public async Task<IReadOnlyList<VulnerableNode>> MostVulnerableAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NodeCountsRow>(
            db.Dialect.Page(
                $"SELECT f.node_id, n.name AS node_name, n.type AS node_type, {SeverityCounts} FROM node_findings f JOIN nodes n ON n.id = f.node_id " +
                $"WHERE n.status <> @Removed AND {Untriaged} GROUP BY f.node_id, n.name, n.type " +
                "ORDER BY critical DESC, high DESC, medium DESC, low DESC, node_name"),
            new { Removed, now = time.GetUtcNow(), skip = 0, take = Math.Clamp(take, 1, 100) });
        return rows.Select(r => new VulnerableNode(r.NodeId, r.NodeName, r.NodeType, r.ToSummary())).ToList();
    }

    /// <summary>The critical findings that appeared most recently on any node, triaged ones left out.</summary>
    public async Task<IReadOnlyList<FleetFinding>> NewestCriticalAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FindingRow>(
            db.Dialect.Page(
                $"SELECT {FindingColumns} FROM node_findings f JOIN nodes n ON n.id = f.node_id " +
                $"WHERE f.severity = 'critical' AND n.status <> @Removed AND {Untriaged} ORDER BY f.first_seen DESC, f.node_id, f.key_hash"),
            new { Removed, now = time.GetUtcNow(), skip = 0, take = Math.Clamp(take, 1, 100) });
        return rows.Select(r => r.ToFinding()).ToList();
    }

    /// <summary>
    /// The nodes whose current findings include <paramref name="advisory"/> as primary id or alias (a CVE id, a GHSA
    /// id), ignoring case, worst first, triaged ones included with their triage.
    /// </summary>
    public async Task<Page<FleetFinding>> NodesWithAdvisoryAsync(string advisory, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(advisory);
        advisory = advisory.Trim();
        var filter =
            $" FROM node_findings f JOIN nodes n ON n.id = f.node_id WHERE n.status <> @Removed AND (LOWER(f.advisory_id) = LOWER(@advisory) OR " +
            $"{db.Dialect.ContainsIgnoreCase("f.aliases", "@alias")})";

        // Aliases are stored as a JSON array: matching the quoted id finds whole ids only (CVE-2021-1 never matches CVE-2021-10).
        var parameters = new
        {
            Removed, now = time.GetUtcNow(), advisory, alias = LikePattern.Escape(JsonSerializer.Serialize(advisory)),
            skip = Math.Max(0, skip), take = Math.Clamp(take, 1, 500),
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*){filter}", parameters);
        var rows = await connection.QueryAsync<FindingRow>(
            db.Dialect.Page($"SELECT {FindingColumns}{filter} ORDER BY {FindingRows.WorstFirst.Replace("key_hash", "f.key_hash", StringComparison.Ordinal)}, n.name"),
            parameters);
        return new Page<FleetFinding>(rows.Select(r => r.ToFinding()).ToList(), total);
    }

    private class CountsRow
    {
        public int? Critical { get; init; }
        public int? High { get; init; }
        public int? Medium { get; init; }
        public int? Low { get; init; }
        public int? Unknown { get; init; }

        public ScanSummary ToSummary() => new(Critical ?? 0, High ?? 0, Medium ?? 0, Low ?? 0, Unknown ?? 0);
    }

    private sealed class NodeCountsRow : CountsRow
    {
        public string NodeId { get; init; } = "";
        public string NodeName { get; init; } = "";
        public string NodeType { get; init; } = "";
    }

    private sealed class FindingRow
    {
        public string NodeId { get; init; } = "";
        public string? NodeName { get; init; }
        public string NodeType { get; init; } = "";
        public string NodeStatus { get; init; } = "";
        public string FindingKey { get; init; } = "";
        public string AdvisoryId { get; init; } = "";
        public string Aliases { get; init; } = "[]";
        public string? Summary { get; init; }
        public string Severity { get; init; } = "";
        public double? Score { get; init; }
        public string PackageName { get; init; } = "";
        public string PackageVersion { get; init; } = "";
        public string Ecosystem { get; init; } = "";
        public string FixedVersions { get; init; } = "[]";
        public DateTimeOffset FirstSeen { get; init; }
        public string? Triage { get; init; }

        public FleetFinding ToFinding() => new()
        {
            NodeId = NodeId, NodeName = NodeName ?? "", NodeType = NodeType, NodeStatus = NodeStatus, FindingKey = FindingKey, AdvisoryId = AdvisoryId,
            Aliases = JsonSerializer.Deserialize<string[]>(Aliases) ?? [], Summary = Summary, Severity = Severity, Score = Score,
            PackageName = PackageName, PackageVersion = PackageVersion, Ecosystem = Ecosystem,
            FixedVersions = JsonSerializer.Deserialize<string[]>(FixedVersions) ?? [], FirstSeen = FirstSeen,
            Triage = Triage is null ? null : ScanStorage.ParseTriage(Triage),
        };
    }
}
