using Vigil.Scanning.Feeds;

namespace Vigil.Cli.Scan;

/// <summary>
/// The snapshot a scan matches against: the store's current one, or for <c>--feed</c> a throw-away store built from
/// the given directories and zips (deleted when the scan ends).
/// </summary>
public sealed class SnapshotSource : IDisposable
{
    private readonly string? _temporary;

    private SnapshotSource(FeedSnapshot snapshot, string? temporary)
    {
        Snapshot = snapshot;
        _temporary = temporary;
    }

    /// <summary>The open snapshot.</summary>
    public FeedSnapshot Snapshot { get; }

    /// <summary>Opens the snapshot for <paramref name="request"/>.</summary>
    public static async Task<SnapshotSource> OpenAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Feeds.Count > 0)
        {
            var temporary = Path.Combine(Path.GetTempPath(), "vigil-feed-" + Guid.NewGuid().ToString("N"));
            try
            {
                var store = new FeedStore(temporary);
                await store.ImportAsync(request.Feeds, cancellationToken: cancellationToken);
                return new SnapshotSource(store.OpenCurrent()!, temporary);
            }
            catch
            {
                Delete(temporary);
                throw;
            }
        }

        var root = StoreLocation.Resolve(request.Store);
        var snapshot = new FeedStore(root).OpenCurrent()
            ?? throw new UsageException($"no feed snapshot in {root}: run 'vigil feed import' first or pass --feed DIR");
        return new SnapshotSource(snapshot, null);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Snapshot.Dispose();
        if (_temporary is not null)
        {
            Delete(_temporary);
        }
    }

    private static void Delete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder must not turn a finished scan into an error.
        }
    }
}
