using Vigil.Scanning.Feeds;
using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;

namespace Vigil.Matching.Tests.Support;

/// <summary>A temporary feed store filled with hand-written OSV records.</summary>
internal sealed class TestStore : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public TestStore(params string[] advisories)
    {
        for (var i = 0; i < advisories.Length; i++)
        {
            _directory.File($"feed/{i}.json", advisories[i]);
        }

        Store = new FeedStore(Path.Combine(_directory.Path, "store"));
        Store.ImportAsync([Path.Combine(_directory.Path, "feed")]).GetAwaiter().GetResult();
        Snapshot = Store.OpenCurrent()!;
    }

    public FeedStore Store { get; }

    public FeedSnapshot Snapshot { get; }

    public static Component Component(string purl, string? sourceName = null, string? sourceVersion = null, string location = "var/lib/dpkg/status") =>
        ComponentFactory.Create(PackageUrl.Parse(purl), location, sourceName, sourceVersion);

    public void Dispose()
    {
        Snapshot.Dispose();
        _directory.Dispose();
    }
}
