using Vigil.Scanning.Sbom;

namespace Vigil.Dashboard.Scans;

/// <summary>Work for the <see cref="ScanMatchWorker"/>.</summary>
public abstract record MatchJob;

/// <summary>Match a scan's freshly uploaded SBOM and complete the scan.</summary>
public sealed record ScanMatchJob(string ScanId, string NodeId, SbomDocument Sbom) : MatchJob;

/// <summary>Re-match every node's latest SBOM against the current snapshot (a feed update).</summary>
public sealed record ReassessJob(string SnapshotId) : MatchJob;
