using Vigil.Scanning.Feeds;

namespace Vigil.Matching.Tests.Support;

/// <summary>
/// The whole shared feed pack imported once per test run into a temporary store, for tests that read real data.
/// </summary>
internal static class ImportedFeedPack
{
    private static readonly Lazy<(FeedStore Store, FeedImportResult Result)> Imported = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "vigil-matching-pack-" + Environment.ProcessId);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        // One import per test process, removed when the process ends so runs do not pile stores up in /tmp.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort at exit.
            }
        };
        var store = new FeedStore(root);
        var result = store.ImportAsync([SharedFeeds.Root]).GetAwaiter().GetResult();
        return (store, result);
    });

    private static readonly Lazy<FeedSnapshot> Opened = new(() => Imported.Value.Store.OpenCurrent()!);

    public static FeedStore Store => Imported.Value.Store;

    public static FeedImportResult Result => Imported.Value.Result;

    public static FeedSnapshot Snapshot
    {
        get
        {
            _ = SharedFeeds.Root;
            return Opened.Value;
        }
    }
}
