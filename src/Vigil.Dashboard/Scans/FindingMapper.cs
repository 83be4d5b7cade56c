using Vigil.Core.Scans;
using Vigil.Scanning.Matching;

namespace Vigil.Dashboard.Scans;

/// <summary>Turns the matcher's findings into the records the console stores (contracts §6 spellings).</summary>
public static class FindingMapper
{
    public static FindingRecord ToRecord(Finding finding) => new()
    {
        Key = finding.Key.ToString(),
        Id = finding.Id,
        Aliases = finding.Aliases,
        Summary = finding.Summary,
        Severity = finding.Severity.Level.ToString().ToLowerInvariant(),
        Score = finding.Severity.Score,
        Package = new FindingPackageInfo(finding.Package.Name, finding.Package.Version, finding.Package.Ecosystem, finding.Package.Purl),
        FixedVersions = finding.FixedVersions,
        Location = finding.Key.Location,
        Status = finding.Status == FindingStatus.Affected ? "affected" : "versionNotComparable",
    };
}
