namespace Vigil.Scanning.Feeds;

/// <summary>What a snapshot holds and where it came from; written as <c>manifest.json</c>.</summary>
/// <param name="Id">Snapshot id: the first 16 hex digits of <paramref name="Sha256"/>.</param>
/// <param name="Sha256">SHA-256 of the layout version line followed by <c>advisories.jsonl</c>.</param>
/// <param name="CreatedAt">When the snapshot was written.</param>
/// <param name="Sources">The sources of the import that made it.</param>
/// <param name="Advisories">Number of advisories.</param>
/// <param name="Ecosystems">Advisories per ecosystem.</param>
/// <param name="Skipped">Records the import skipped (first 1,000).</param>
/// <param name="SkippedCount">Records the import skipped in total.</param>
public sealed record FeedSnapshotManifest(
    string Id,
    string Sha256,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Sources,
    int Advisories,
    IReadOnlyDictionary<string, int> Ecosystems,
    IReadOnlyList<SkippedAdvisory> Skipped,
    int SkippedCount);
