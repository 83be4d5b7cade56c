using System.Text;
using Vigil.Core.Scans;
using Vigil.Dashboard.Scans;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Reports;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Severity;

namespace Vigil.Dashboard.Reports;

/// <summary>
/// Loads a scan's findings and SBOM as the scanner's <see cref="ScanReport"/>, so the console's JSON and SARIF exports
/// are written by the same writers as <c>vigil scan</c>'s and read the same.
/// </summary>
public sealed class ScanExportLoader(ScanStore scans, ScanResults results)
{
    /// <summary>Most findings one export holds.</summary>
    public const int MaxFindings = 50_000;

    /// <summary>Null for an unknown scan.</summary>
    public async Task<ScanExport?> LoadAsync(string scanId, CancellationToken cancellationToken)
    {
        if (await scans.GetAsync(scanId, cancellationToken) is not { } scan)
        {
            return null;
        }

        var findings = new List<FindingRecord>();
        while (findings.Count < MaxFindings)
        {
            var page = await results.FindingsOfScanAsync(scanId, new FindingQuery(Skip: findings.Count, Take: FindingQuery.MaxTake), cancellationToken);
            findings.AddRange(page.Items);
            if (page.Items.Count < FindingQuery.MaxTake)
            {
                break;
            }
        }

        var sbom = await ReadSbomAsync(scanId, cancellationToken);
        var report = new ScanReport(
            string.IsNullOrEmpty(scan.NodeName) ? scan.NodeId : scan.NodeName,
            scan.SnapshotId ?? "",
            sbom?.Document.Components ?? [],
            findings.Where(f => f.Triage is null).Select(ToFinding).ToList(),
            findings.Where(f => f.Triage is not null).Select(ToFinding).ToList(),
            sbom?.Unidentified.Select(u => (u.Name, u.Reason)).ToList() ?? [],
            null);
        return new ScanExport(scan, findings, report);
    }

    /// <summary>The scan's SBOM read back; null when the scan kept none.</summary>
    public async Task<SbomReadResult?> ReadSbomAsync(string scanId, CancellationToken cancellationToken) =>
        await results.SbomAsync(scanId, cancellationToken) is { } compressed
            ? CycloneDxReader.Read(Encoding.UTF8.GetString(SbomIntake.Decompress(compressed)))
            : null;

    /// <summary>The stored finding in the matcher's shape; the key is <c>advisory|purl|location</c>.</summary>
    internal static Finding ToFinding(FindingRecord f)
    {
        var suffix = "|" + f.Location;
        var purl = f.Key.Length > f.Id.Length + suffix.Length && f.Key.EndsWith(suffix, StringComparison.Ordinal)
            ? f.Key[(f.Id.Length + 1)..^suffix.Length]
            : f.Package.Purl;
        var level = Enum.TryParse<SeverityLevel>(f.Severity, ignoreCase: true, out var parsed) ? parsed : SeverityLevel.Unknown;
        return new Finding(
            new FindingKey(f.Id, purl, f.Location), f.Id, f.Aliases, f.Summary, new SeverityRating(level, f.Score, "console"),
            new FindingPackage(f.Package.Name, f.Package.Version, f.Package.Ecosystem, f.Package.Purl), f.FixedVersions, f.Package.Ecosystem,
            f.Status == "affected" ? FindingStatus.Affected : FindingStatus.VersionNotComparable);
    }
}
