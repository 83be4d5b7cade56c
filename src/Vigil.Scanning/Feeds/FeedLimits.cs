namespace Vigil.Scanning.Feeds;

/// <summary>
/// Caps that keep a hostile or broken feed from exhausting memory or disk. The defaults are far above the real
/// databases (the largest OSV record is a few hundred KiB; osv.dev's biggest zip holds ~100k records).
/// </summary>
/// <param name="MaxRecordBytes">Largest single advisory accepted; bigger ones are skipped and reported.</param>
/// <param name="MaxEntriesPerSource">Most records read from one directory or zip.</param>
/// <param name="MaxDownloadBytes">Largest zip downloaded over HTTP.</param>
public sealed record FeedLimits(long MaxRecordBytes = 16 * 1024 * 1024, int MaxEntriesPerSource = 2_000_000, long MaxDownloadBytes = 2L * 1024 * 1024 * 1024)
{
    /// <summary>The default caps.</summary>
    public static FeedLimits Default { get; } = new();
}
