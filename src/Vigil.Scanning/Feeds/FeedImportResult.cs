namespace Vigil.Scanning.Feeds;

/// <summary>What an import did.</summary>
/// <param name="SnapshotId">The snapshot now current.</param>
/// <param name="Changed">Whether the snapshot differs from the previous one.</param>
/// <param name="Imported">Advisories read and accepted from the sources.</param>
/// <param name="Withdrawn">Withdrawn advisories ignored (and removed from the snapshot if present).</param>
/// <param name="Total">Advisories in the new snapshot.</param>
/// <param name="Skipped">Malformed records, with file and reason.</param>
public sealed record FeedImportResult(string SnapshotId, bool Changed, int Imported, int Withdrawn, int Total, IReadOnlyList<SkippedAdvisory> Skipped)
{
    /// <summary>Advisories in the new snapshot that the previous one did not have.</summary>
    public int Added { get; init; }

    /// <summary>Advisories in both snapshots whose content differs.</summary>
    public int Updated { get; init; }

    /// <summary>Advisories of the previous snapshot that the new one no longer has (withdrawn, or dropped by a replacing import).</summary>
    public int Removed { get; init; }

    /// <summary>Advisories read and accepted from each source, in the order of the sources given.</summary>
    public IReadOnlyList<int> PerSource { get; init; } = [];
}
