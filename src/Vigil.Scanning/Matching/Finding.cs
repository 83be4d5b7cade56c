using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Matching;

/// <summary>One vulnerability in one component at one location (contracts §6).</summary>
/// <param name="Key">Identity: primary id, purl without qualifiers, location.</param>
/// <param name="Id">Primary advisory id, from the component's own ecosystem's database.</param>
/// <param name="Aliases">Every other id of the vulnerability (CVE, GHSA, upstream ids, other advisories merged in).</param>
/// <param name="Summary">Advisory summary.</param>
/// <param name="Severity">Derived severity.</param>
/// <param name="Package">The affected package.</param>
/// <param name="FixedVersions">Versions that fix it, when known.</param>
/// <param name="Source">The OSV ecosystem database the advisory came from.</param>
/// <param name="Status">Affected, or version not comparable.</param>
public sealed record Finding(
    FindingKey Key,
    string Id,
    IReadOnlyList<string> Aliases,
    string? Summary,
    SeverityRating Severity,
    FindingPackage Package,
    IReadOnlyList<string> FixedVersions,
    string Source,
    FindingStatus Status)
{
    /// <summary>Whether <paramref name="id"/> is this finding's id or one of its aliases (case-insensitive).</summary>
    public bool IsKnownAs(string id) =>
        string.Equals(Id, id, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(id, StringComparer.OrdinalIgnoreCase);
}
