using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;

namespace Vigil.Core.Scans;

/// <summary>How findings are spelled in <c>scan_findings</c> and <c>node_findings</c> (the same columns in both).</summary>
internal static class FindingRows
{
    public const string Columns =
        "finding_key, advisory_id, aliases, summary, severity, score, package_name, package_version, ecosystem, purl, fixed_versions, location, status";

    /// <summary>Orders worst first, as the matcher does.</summary>
    public const string WorstFirst =
        "CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 WHEN 'none' THEN 4 ELSE 5 END, score DESC, advisory_id, key_hash";

    /// <summary>The SHA-256 of a finding key: finding keys hold paths of any length, index keys cannot.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string ownerColumn, string owner, IEnumerable<FindingRecord> findings, DateTimeOffset? firstSeen = null)
    {
        var extra = firstSeen is null ? "" : ", first_seen";
        var extraValue = firstSeen is null ? "" : ", @FirstSeen";
        var sql = $"INSERT INTO {table} ({ownerColumn}, key_hash, {Columns}{extra}) VALUES (@Owner, @KeyHash, @Key, @Id, @Aliases, @Summary, @Severity, @Score, " +
                  $"@Name, @Version, @Ecosystem, @Purl, @FixedVersions, @Location, @Status{extraValue})";
        await connection.ExecuteAsync(sql, findings.Select(f => new
        {
            Owner = owner,
            KeyHash = Hash(f.Key),
            f.Key,
            f.Id,
            Aliases = JsonSerializer.Serialize(f.Aliases),
            f.Summary,
            f.Severity,
            f.Score,
            f.Package.Name,
            f.Package.Version,
            f.Package.Ecosystem,
            f.Package.Purl,
            FixedVersions = JsonSerializer.Serialize(f.FixedVersions),
            f.Location,
            f.Status,
            FirstSeen = f.FirstSeen ?? firstSeen,
        }), transaction);
    }

    internal sealed class Row
    {
        public string FindingKey { get; init; } = "";
        public string AdvisoryId { get; init; } = "";
        public string Aliases { get; init; } = "[]";
        public string? Summary { get; init; }
        public string Severity { get; init; } = "";
        public double? Score { get; init; }
        public string PackageName { get; init; } = "";
        public string PackageVersion { get; init; } = "";
        public string Ecosystem { get; init; } = "";
        public string Purl { get; init; } = "";
        public string FixedVersions { get; init; } = "[]";
        public string Location { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset? FirstSeen { get; init; }

        public FindingRecord ToRecord(TriageRule? triage = null) => new()
        {
            Key = FindingKey, Id = AdvisoryId, Aliases = JsonSerializer.Deserialize<string[]>(Aliases) ?? [], Summary = Summary,
            Severity = Severity, Score = Score, Package = new FindingPackageInfo(PackageName, PackageVersion, Ecosystem, Purl),
            FixedVersions = JsonSerializer.Deserialize<string[]>(FixedVersions) ?? [], Location = Location, Status = Status,
            FirstSeen = FirstSeen, Triage = triage,
        };
    }
}
