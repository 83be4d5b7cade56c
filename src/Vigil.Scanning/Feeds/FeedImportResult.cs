namespace Vigil.Scanning.Feeds;

/// <summary>What an import did.</summary>
/// <param name="SnapshotId">The snapshot now current.</param>
/// <param name="Changed">Whether the snapshot differs from the previous one.</param>
/// <param name="Imported">Advisories read and accepted from the sources.</param>
/// <param name="Withdrawn">Withdrawn advisories ignored (and removed from the snapshot if present).</param>
/// <param name="Total">Advisories in the new snapshot.</param>
/// <param name="Skipped">Malformed records, with file and reason.</param>
public sealed record FeedImportResult(string SnapshotId, bool Changed, int Imported, int Withdrawn, int Total, IReadOnlyList<SkippedAdvisory> Skipped);
