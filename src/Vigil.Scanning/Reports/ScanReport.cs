using Vigil.Scanning.Matching;
using Vigil.Scanning.Policies;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Reports;

/// <summary>Everything a report format writes about one scan.</summary>
/// <param name="Target">What was scanned (path, image or SBOM file).</param>
/// <param name="SnapshotId">The feed snapshot matched against.</param>
/// <param name="Components">The scanned components.</param>
/// <param name="Findings">Findings that count (after ignore rules).</param>
/// <param name="Ignored">Findings left out by ignore rules or <c>--ignore-unfixed</c>.</param>
/// <param name="Unidentified">Components that could not be matched, with the reason.</param>
/// <param name="Policy">The gate's outcome, when fail criteria were given.</param>
public sealed record ScanReport(
    string Target,
    string SnapshotId,
    IReadOnlyList<Component> Components,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding> Ignored,
    IReadOnlyList<(string Name, string Reason)> Unidentified,
    PolicyResult? Policy)
{
    /// <summary>Counts of the findings that count.</summary>
    public SeveritySummary Summary => SeveritySummary.From(Findings.Select(f => f.Severity.Level));
}
