using System.IO.Compression;
using Vigil.Matching.Tests.Support;
using Vigil.Scanning.Feeds;

namespace Vigil.Matching.Tests.Feeds;

public sealed class FeedStoreTests
{
    private static string Good(string id, string name = "requests") =>
        OsvJson.Advisory(id, "PyPI", name, "[" + OsvJson.Range("ECOSYSTEM", ("introduced", "0"), ("fixed", "2.0")) + "]", "\"aliases\": [\"CVE-2099-0001\"]");

    [Fact]
    public async Task Imports_a_directory_recursively_and_reports_malformed_records_with_file_and_reason()
    {
        using var dir = new TemporaryDirectory();
        dir.File("feed/a/PYSEC-1.json", Good("PYSEC-1"));
        dir.File("feed/b/c/PYSEC-2.json", Good("PYSEC-2", "Django"));
        dir.File("feed/bad/not-json.json", "{ this is not json");
        dir.File("feed/bad/no-id.json", "{\"modified\": \"2025-01-01T00:00:00Z\"}");
        dir.File("feed/bad/empty-events.json", OsvJson.Advisory("BAD-1", "PyPI", "x", "[{\"type\":\"ECOSYSTEM\",\"events\":[]}]"));
        dir.File("feed/ignored.txt", "not a record");
        var store = new FeedStore(Path.Combine(dir.Path, "store"));

        var result = await store.ImportAsync([Path.Combine(dir.Path, "feed")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Imported);
        Assert.Equal(2, result.Total);
        Assert.Equal(3, result.Skipped.Count);
        Assert.Contains(result.Skipped, s => s.File.EndsWith("not-json.json", StringComparison.Ordinal) && s.Reason.StartsWith("invalid JSON", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s.File.EndsWith("no-id.json", StringComparison.Ordinal) && s.Reason == "id is missing");
        Assert.Contains(result.Skipped, s => s.File.EndsWith("empty-events.json", StringComparison.Ordinal) && s.Reason.Contains("events", StringComparison.Ordinal));
        using var snapshot = store.OpenCurrent()!;
        Assert.Equal(result.SnapshotId, snapshot.Id);
        Assert.Equal("PYSEC-2", Assert.Single(snapshot.Lookup("PyPI", "django")).Id);
        Assert.Equal(2, snapshot.FindById("cve-2099-0001").Count);
        Assert.Equal(3, snapshot.Manifest.SkippedCount);
    }

    [Fact]
    public async Task Withdrawn_advisories_are_ignored_and_removed_from_the_store()
    {
        using var dir = new TemporaryDirectory();
        var store = new FeedStore(Path.Combine(dir.Path, "store"));
        var first = dir.File("one/PYSEC-1.json", Good("PYSEC-1"));
        await store.ImportAsync([first], cancellationToken: TestContext.Current.CancellationToken);
        var withdrawn = dir.File("two/PYSEC-1.json", Good("PYSEC-1").Replace("\"summary\"", "\"withdrawn\": \"2025-02-01T00:00:00Z\", \"summary\"", StringComparison.Ordinal));

        var result = await store.ImportAsync([withdrawn], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Withdrawn);
        Assert.Equal(0, result.Total);
        using var snapshot = store.OpenCurrent()!;
        Assert.Empty(snapshot.Lookup("PyPI", "requests"));
    }

    [Fact]
    public async Task Snapshot_id_is_a_content_hash()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.File("feed/PYSEC-1.json", Good("PYSEC-1"));
        var store = new FeedStore(Path.Combine(dir.Path, "store"));
        var other = new FeedStore(Path.Combine(dir.Path, "other"));

        var first = await store.ImportAsync([file], cancellationToken: TestContext.Current.CancellationToken);
        var again = await store.ImportAsync([file], cancellationToken: TestContext.Current.CancellationToken);
        var elsewhere = await other.ImportAsync([file], cancellationToken: TestContext.Current.CancellationToken);
        var changed = await store.ImportAsync([dir.File("feed2/PYSEC-2.json", Good("PYSEC-2"))], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal(first.SnapshotId, again.SnapshotId);
        Assert.Equal(first.SnapshotId, elsewhere.SnapshotId);
        Assert.NotEqual(first.SnapshotId, changed.SnapshotId);
        Assert.Equal(2, changed.Total);
    }

    [Fact]
    public async Task A_corrupt_zip_fails_the_import_and_keeps_the_previous_snapshot()
    {
        using var dir = new TemporaryDirectory();
        var store = new FeedStore(Path.Combine(dir.Path, "store"));
        var before = await store.ImportAsync([dir.File("feed/PYSEC-1.json", Good("PYSEC-1"))], cancellationToken: TestContext.Current.CancellationToken);
        var corrupt = dir.File("bad/all.zip", "PK\u0003\u0004 this is not really a zip");

        var error = await Assert.ThrowsAsync<FeedImportException>(() => store.ImportAsync([dir.File("feed3/PYSEC-3.json", Good("PYSEC-3")), corrupt], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("not a readable zip", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.SnapshotId, store.CurrentSnapshotId);
        Assert.Empty(Directory.GetDirectories(Path.Combine(store.Root, "snapshots"), ".tmp-*"));
    }

    [Fact]
    public async Task A_missing_source_fails_the_import()
    {
        using var dir = new TemporaryDirectory();
        var store = new FeedStore(Path.Combine(dir.Path, "store"));

        var error = await Assert.ThrowsAsync<FeedImportException>(() => store.ImportAsync([Path.Combine(dir.Path, "nope")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        Assert.Null(store.CurrentSnapshotId);
    }

    [Fact]
    public async Task Oversized_and_corrupt_zip_entries_are_skipped_not_fatal()
    {
        using var dir = new TemporaryDirectory();
        var zip = Path.Combine(dir.Path, "PyPI", "all.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(archive.CreateEntry("PYSEC-1.json").Open()))
            {
                writer.Write(Good("PYSEC-1"));
            }

            using (var writer = new StreamWriter(archive.CreateEntry("HUGE-1.json").Open()))
            {
                // Compresses to almost nothing but inflates past the cap: the shape of a zip bomb.
                writer.Write(new string(' ', 300_000));
            }
        }

        var store = new FeedStore(Path.Combine(dir.Path, "store"));
        var result = await store.ImportAsync([zip], limits: new FeedLimits(MaxRecordBytes: 100_000), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Total);
        var skipped = Assert.Single(result.Skipped);
        Assert.EndsWith("!HUGE-1.json", skipped.File, StringComparison.Ordinal);
        Assert.Contains("cap", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_imports_into_one_store_are_serialised_and_both_land()
    {
        using var dir = new TemporaryDirectory();
        var store = new FeedStore(Path.Combine(dir.Path, "store"));
        var a = dir.File("a/PYSEC-1.json", Good("PYSEC-1"));
        var b = dir.File("b/PYSEC-2.json", Good("PYSEC-2", "flask"));

        await Task.WhenAll(
            Task.Run(() => store.ImportAsync([a], cancellationToken: TestContext.Current.CancellationToken), TestContext.Current.CancellationToken),
            Task.Run(() => store.ImportAsync([b], cancellationToken: TestContext.Current.CancellationToken), TestContext.Current.CancellationToken));

        using var snapshot = store.OpenCurrent()!;
        Assert.Single(snapshot.Lookup("PyPI", "requests"));
        Assert.Single(snapshot.Lookup("PyPI", "flask"));
    }
}
