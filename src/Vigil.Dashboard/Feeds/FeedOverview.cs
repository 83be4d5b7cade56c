using Vigil.Scanning.Feeds;

namespace Vigil.Dashboard.Feeds;

/// <summary>The feed as the Feed page and <c>GET /api/v1/feed</c> show it: the current snapshot, each source, the import.</summary>
/// <param name="SnapshotId">The snapshot scans match against now; null before the first import.</param>
/// <param name="CreatedAt">When that snapshot was written.</param>
/// <param name="Advisories">Advisories in it.</param>
/// <param name="Ecosystems">Advisories per ecosystem.</param>
/// <param name="SkippedCount">Malformed records the import that made it skipped.</param>
/// <param name="Skipped">The first of those, with file and reason.</param>
/// <param name="Sources">Each configured source and how its last import went.</param>
/// <param name="Import">The running import, and how the last one ended.</param>
public sealed record FeedOverview(
    string? SnapshotId,
    DateTimeOffset? CreatedAt,
    int Advisories,
    IReadOnlyDictionary<string, int> Ecosystems,
    int SkippedCount,
    IReadOnlyList<SkippedAdvisory> Skipped,
    IReadOnlyList<FeedSourceStatus> Sources,
    FeedImportProgress Import)
{
    public const int SkippedShown = 100;

    public static async Task<FeedOverview> ReadAsync(ConsoleFeed feed, FeedImporter importer, FeedSourceLog log, CancellationToken cancellationToken = default)
    {
        var sources = await log.ListAsync(importer.Sources, cancellationToken);
        using var lease = feed.Acquire();
        if (lease is null)
        {
            return new FeedOverview(null, null, 0, new Dictionary<string, int>(), 0, [], sources, importer.Progress);
        }

        var manifest = lease.Snapshot.Manifest;
        return new FeedOverview(
            manifest.Id,
            manifest.CreatedAt,
            manifest.Advisories,
            manifest.Ecosystems,
            manifest.SkippedCount,
            manifest.Skipped.Take(SkippedShown).ToArray(),
            sources,
            importer.Progress);
    }
}
