namespace Vigil.Dashboard.Feeds;

/// <summary>What the console's feed import is doing now, and how the last one ended.</summary>
/// <param name="Running">An import is under way.</param>
/// <param name="Stage">What it is doing, in words (e.g. "Reading ../shared/feeds (1 of 2)").</param>
/// <param name="Percent">Rough progress 0-100: sources read, then the snapshot written.</param>
/// <param name="StartedAt">When the running (or last) import started.</param>
/// <param name="Last">How the last finished import ended; null before the first.</param>
public sealed record FeedImportProgress(bool Running, string? Stage, int Percent, DateTimeOffset? StartedAt, FeedImportOutcome? Last)
{
    public static readonly FeedImportProgress Idle = new(false, null, 0, null, null);
}

/// <summary>How one import ended.</summary>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="SnapshotId">The snapshot current afterwards; null when no snapshot exists.</param>
/// <param name="Changed">Whether it switched to a new snapshot (then <c>FeedUpdated</c> was emitted).</param>
/// <param name="Added">Advisories new in the snapshot.</param>
/// <param name="Updated">Advisories whose content changed.</param>
/// <param name="Withdrawn">Advisories no longer in the snapshot.</param>
/// <param name="Skipped">Malformed records skipped.</param>
/// <param name="FailedSources">Sources that could not be read (each has its error in the source list).</param>
/// <param name="Error">Why the import as a whole failed; null when a snapshot was written or nothing needed importing.</param>
public sealed record FeedImportOutcome(
    DateTimeOffset FinishedAt, string? SnapshotId, bool Changed, int Added, int Updated, int Withdrawn, int Skipped, int FailedSources, string? Error);
