using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Vigil.Matching.Tests.Support;
using Vigil.Scanning.Feeds;

namespace Vigil.Matching.Tests.Feeds;

public sealed class HttpFeedDownloaderTests
{
    /// <summary>A feed server stand-in that honours If-None-Match and records what it was asked.</summary>
    private sealed class ConditionalFeedHandler(byte[] zip, string etag) : HttpMessageHandler
    {
        public List<(string? IfNoneMatch, string? IfModifiedSince)> Requests { get; } = [];

        public HttpStatusCode? Fail { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var ifNoneMatch = request.Headers.TryGetValues("If-None-Match", out var a) ? a.Single() : null;
            var ifModifiedSince = request.Headers.TryGetValues("If-Modified-Since", out var b) ? b.Single() : null;
            Requests.Add((ifNoneMatch, ifModifiedSince));
            if (Fail is { } status)
            {
                return Task.FromResult(new HttpResponseMessage(status));
            }

            if (ifNoneMatch == etag)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotModified));
            }

            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(zip) };
            response.Headers.ETag = new EntityTagHeaderValue(etag);
            response.Content.Headers.LastModified = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            return Task.FromResult(response);
        }
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task Imports_a_zip_url_and_revalidates_with_etag_and_last_modified()
    {
        using var dir = new TemporaryDirectory();
        var zip = Zip(("PYSEC-1.json", OsvJson.Advisory("PYSEC-1", "PyPI", "requests", "[" + OsvJson.Range("ECOSYSTEM", ("introduced", "0"), ("fixed", "2.0")) + "]")));
        var handler = new ConditionalFeedHandler(zip, "\"v1\"");
        using var http = new HttpClient(handler);
        var store = new FeedStore(Path.Combine(dir.Path, "store"));
        const string url = "https://feeds.invalid/PyPI/all.zip";

        var first = await store.ImportAsync([url], http: http, cancellationToken: TestContext.Current.CancellationToken);
        var second = await store.ImportAsync([url], http: http, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, first.Total);
        Assert.Equal(first.SnapshotId, second.SnapshotId);
        Assert.False(second.Changed);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal((null, null), handler.Requests[0]);
        Assert.Equal("\"v1\"", handler.Requests[1].IfNoneMatch);
        Assert.Equal("Sun, 01 Nov 2026 00:00:00 GMT", handler.Requests[1].IfModifiedSince);
    }

    [Fact]
    public async Task A_failed_download_fails_the_import_and_keeps_the_snapshot()
    {
        using var dir = new TemporaryDirectory();
        var handler = new ConditionalFeedHandler([], "\"v1\"") { Fail = HttpStatusCode.ServiceUnavailable };
        using var http = new HttpClient(handler);
        var store = new FeedStore(Path.Combine(dir.Path, "store"));

        var error = await Assert.ThrowsAsync<FeedImportException>(() => store.ImportAsync(["https://feeds.invalid/Go/all.zip"], http: http, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Null(store.CurrentSnapshotId);
    }

    [Fact]
    public async Task Downloads_over_the_cap_are_refused()
    {
        using var dir = new TemporaryDirectory();
        var handler = new ConditionalFeedHandler(new byte[4096], "\"big\"");
        using var http = new HttpClient(handler);
        var downloader = new HttpFeedDownloader(http, Path.Combine(dir.Path, "cache"), new FeedLimits(MaxDownloadBytes: 1024));

        var error = await Assert.ThrowsAsync<FeedImportException>(() => downloader.DownloadAsync("https://feeds.invalid/npm/all.zip", TestContext.Current.CancellationToken));

        Assert.Contains("cap", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir.Path, "cache")));
    }
}
