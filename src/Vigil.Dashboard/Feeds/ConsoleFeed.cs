using Vigil.Core.Configuration;
using Vigil.Scanning.Feeds;

namespace Vigil.Dashboard.Feeds;

/// <summary>
/// The console's feed store (contracts §8) under <c>&lt;data&gt;/feeds</c> and its open current snapshot. Matching
/// takes a lease on the snapshot so an import that switches snapshots never disposes one a scan is still reading;
/// the replaced snapshot closes when its last lease ends.
/// </summary>
public sealed class ConsoleFeed : IDisposable
{
    private readonly Lock _gate = new();
    private SharedSnapshot? _current;

    public ConsoleFeed(DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        Store = new FeedStore(dataDirectory.Combine("feeds"));
    }

    public FeedStore Store { get; }

    /// <summary>The snapshot id matching uses now; null before the first import.</summary>
    public string? CurrentSnapshotId => Store.CurrentSnapshotId;

    /// <summary>Leases the current snapshot (dispose the lease when done); null while the store is empty.</summary>
    public FeedLease? Acquire()
    {
        lock (_gate)
        {
            var id = Store.CurrentSnapshotId;
            if (id is null)
            {
                return null;
            }

            if (_current is null || _current.Snapshot.Id != id)
            {
                _current?.Release();
                _current = new SharedSnapshot(Store.OpenCurrent()!);
            }

            _current.AddRef();
            return new FeedLease(_current);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Release();
            _current = null;
        }
    }

    /// <summary>One open snapshot shared by its leases; the console's own reference counts as one.</summary>
    internal sealed class SharedSnapshot(FeedSnapshot snapshot)
    {
        private int _references = 1;

        public FeedSnapshot Snapshot { get; } = snapshot;

        public void AddRef() => Interlocked.Increment(ref _references);

        public void Release()
        {
            if (Interlocked.Decrement(ref _references) == 0)
            {
                Snapshot.Dispose();
            }
        }
    }
}

/// <summary>A held reference to a feed snapshot; disposing it lets a replaced snapshot close.</summary>
public sealed class FeedLease : IDisposable
{
    private ConsoleFeed.SharedSnapshot? _shared;

    internal FeedLease(ConsoleFeed.SharedSnapshot shared) => _shared = shared;

    public FeedSnapshot Snapshot => (_shared ?? throw new ObjectDisposedException(nameof(FeedLease))).Snapshot;

    public void Dispose() => Interlocked.Exchange(ref _shared, null)?.Release();
}
