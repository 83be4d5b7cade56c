using Vigil.Core.Events;

namespace Vigil.Core.Scans;

/// <summary>A node's current assessment: its latest SBOM matched against the feed snapshot <see cref="SnapshotId"/>.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="SbomScanId">The scan whose SBOM is the node's latest.</param>
/// <param name="SnapshotId">The snapshot it was matched against; null while no feed was available.</param>
/// <param name="AssessedAt">When it was matched.</param>
/// <param name="Summary">Current findings by severity, triaged ones left out.</param>
/// <param name="ComponentCount">Components in the SBOM.</param>
public sealed record NodeAssessment(string NodeId, string SbomScanId, string? SnapshotId, DateTimeOffset? AssessedAt, ScanSummary Summary, int ComponentCount);
