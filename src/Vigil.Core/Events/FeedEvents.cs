namespace Vigil.Core.Events;

// Threat-feed and continuous-assessment events (contracts §4).

/// <summary>The console's feed store switched to a new snapshot.</summary>
public sealed record FeedUpdated(string SnapshotId, int Added, int Changed, int Withdrawn) : DomainEvent;

/// <summary>One finding that appeared or went away, as FindingsChanged lists it.</summary>
/// <param name="Key">The finding key (advisory id, purl without qualifiers, location; contracts §6).</param>
/// <param name="Id">The primary advisory id.</param>
/// <param name="Severity">Lowercase level: critical, high, medium, low, none or unknown.</param>
public sealed record FindingChange(string Key, string Id, string Severity);

/// <summary>
/// A node's findings changed, either by a new scan (<paramref name="ScanId"/>) or by re-matching its latest SBOM
/// against a new feed snapshot (<paramref name="SnapshotId"/> without a scan).
/// </summary>
public sealed record FindingsChanged(
    string NodeId,
    string NodeName,
    string? ScanId,
    string? SnapshotId,
    IReadOnlyList<FindingChange> Added,
    IReadOnlyList<FindingChange> Removed) : DomainEvent;
