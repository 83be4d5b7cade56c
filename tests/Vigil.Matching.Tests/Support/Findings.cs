using Vigil.Scanning.Matching;
using Vigil.Scanning.Severity;

namespace Vigil.Matching.Tests.Support;

/// <summary>Builds findings for policy and report tests.</summary>
internal static class Findings
{
    public static Finding Make(string id, SeverityLevel level, double? score = null, string[]? aliases = null, string[]? fixedVersions = null, string purl = "pkg:npm/lodash@4.17.20", FindingStatus status = FindingStatus.Affected) =>
        new(
            new FindingKey(id, purl, "package-lock.json"),
            id,
            aliases ?? [],
            $"summary of {id}",
            new SeverityRating(level, score, score is null ? "none" : "CVSS_V3"),
            new FindingPackage(purl.Split('/')[^1].Split('@')[0], purl.Split('@')[^1], "npm", purl),
            fixedVersions ?? ["4.17.21"],
            "npm",
            status);
}
