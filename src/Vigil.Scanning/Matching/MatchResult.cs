namespace Vigil.Scanning.Matching;

/// <summary>The matcher's output for one SBOM against one snapshot.</summary>
/// <param name="SnapshotId">The feed snapshot used.</param>
/// <param name="Findings">Findings ordered by severity (worst first), then id and purl.</param>
/// <param name="Unmatched">Components that could not be looked up.</param>
/// <param name="ComponentsScanned">How many components were looked up.</param>
public sealed record MatchResult(string SnapshotId, IReadOnlyList<Finding> Findings, IReadOnlyList<UnmatchedComponent> Unmatched, int ComponentsScanned);
