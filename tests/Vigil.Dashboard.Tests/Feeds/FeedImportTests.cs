using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Storage;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Feeds;

/// <summary>
/// The console imports its configured sources at start without depending on them, reports each source, and emits
/// FeedUpdated with honest counts when the snapshot changes. Uses a small test-written OSV directory so each import is quick.
/// </summary>
public sealed class FeedImportTests : IAsyncLifetime
{
    private readonly TempDirectory _feed = new("vigil-feed-source");
    private DashboardHost _host = null!;

    private string MissingSource => Path.Combine(_feed.Path, "..", "no-such-feed-" + Guid.NewGuid().ToString("N"));

    public async ValueTask InitializeAsync()
    {
        WriteAdvisory("GHSA-test-0001", "lodash", "4.17.21", summary: "first");
        WriteAdvisory("GHSA-test-0002", "minimist", "1.2.6", summary: "second");
        File.WriteAllText(_feed.Combine("broken.json"), "{ this is not json");
        _host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Vigil:Feeds:Sources:0"] = _feed.Path,
                ["Vigil:Feeds:Sources:1"] = MissingSource,
                // A closed port: unreachable, and answered at once.
                ["Vigil:Feeds:Sources:2"] = "http://127.0.0.1:9/osv/all.zip",
                ["Vigil:Feeds:ImportAtStart"] = "true",
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _feed.Dispose();
    }

    [Fact]
    public async Task Start_up_imports_the_readable_source_and_reports_the_others_and_the_malformed_record()
    {
        using var api = _host.Api();
        var feed = await WaitForImportAsync(api, previousFinishedAt: null);

        Assert.Equal(2, feed.GetProperty("advisories").GetInt32());
        Assert.Equal(2, feed.GetProperty("ecosystems").GetProperty("npm").GetInt32());
        Assert.Equal(1, feed.GetProperty("skippedCount").GetInt32());
        Assert.EndsWith("broken.json", feed.GetProperty("skipped")[0].GetProperty("file").GetString());

        var sources = feed.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Equal(3, sources.Length);
        Assert.False(sources[0].TryGetProperty("lastError", out _));
        Assert.Equal(2, sources[0].GetProperty("advisoryCount").GetInt32());
        Assert.True(sources[0].TryGetProperty("lastSuccessAt", out _));
        Assert.Contains("does not exist", sources[1].GetProperty("lastError").GetString());
        Assert.Contains("127.0.0.1:9", sources[2].GetProperty("lastError").GetString());
        Assert.False(sources[2].TryGetProperty("lastSuccessAt", out _));

        var updated = await FeedUpdatedEventsAsync();
        var first = Assert.Single(updated);
        Assert.Equal(feed.GetProperty("snapshotId").GetString(), first.GetProperty("snapshotId").GetString());
        Assert.Equal(2, first.GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task Import_now_counts_what_was_added_changed_and_withdrawn_and_an_unchanged_feed_emits_nothing()
    {
        using var api = _host.Api();
        var before = await WaitForImportAsync(api, previousFinishedAt: null);

        WriteAdvisory("GHSA-test-0001", "lodash", "4.17.21", summary: "first, revised");
        WriteAdvisory("GHSA-test-0003", "express", "4.19.2", summary: "third");
        WriteAdvisory("GHSA-test-0002", "minimist", "1.2.6", summary: "second", withdrawn: true);
        using (var response = await api.Http.PostAsync("/api/v1/feed/import", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var after = await WaitForImportAsync(api, Finished(before));
        Assert.NotEqual(before.GetProperty("snapshotId").GetString(), after.GetProperty("snapshotId").GetString());
        Assert.Equal(2, after.GetProperty("advisories").GetInt32());
        var update = (await FeedUpdatedEventsAsync()).Last();
        Assert.Equal(after.GetProperty("snapshotId").GetString(), update.GetProperty("snapshotId").GetString());
        Assert.Equal(1, update.GetProperty("added").GetInt32());
        Assert.Equal(1, update.GetProperty("changed").GetInt32());
        Assert.Equal(1, update.GetProperty("withdrawn").GetInt32());

        using (await api.Http.PostAsync("/api/v1/feed/import", null, TestContext.Current.CancellationToken))
        {
        }

        var again = await WaitForImportAsync(api, Finished(after));
        Assert.False(again.GetProperty("import").GetProperty("last").GetProperty("changed").GetBoolean());
        Assert.Equal(2, (await FeedUpdatedEventsAsync()).Count);
    }

    [Fact]
    public async Task Only_an_admin_may_start_an_import()
    {
        using var admin = _host.Api();
        var (_, viewerKey) = await admin.CreateApiKeyAsync("feed-viewer", "Viewer");
        using var viewer = _host.Api(viewerKey);

        using var read = await viewer.Http.GetAsync("/api/v1/feed", TestContext.Current.CancellationToken);
        using var import = await viewer.Http.PostAsync("/api/v1/feed/import", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }

    private static string? Finished(JsonElement feed) =>
        feed.GetProperty("import").TryGetProperty("last", out var last) ? last.GetProperty("finishedAt").GetString() : null;

    /// <summary>Polls GET /feed until an import newer than <paramref name="previousFinishedAt"/> has finished.</summary>
    private static async Task<JsonElement> WaitForImportAsync(VigilApiClient api, string? previousFinishedAt)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var feed = await api.GetJsonAsync("/api/v1/feed");
            var import = feed.GetProperty("import");
            if (!import.GetProperty("running").GetBoolean() && Finished(feed) is { } finished && finished != previousFinishedAt)
            {
                return feed;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the feed import did not finish within a minute");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private async Task<List<JsonElement>> FeedUpdatedEventsAsync()
    {
        await using var connection = await _host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var payloads = await connection.QueryAsync<string>("SELECT payload FROM outbox_events WHERE type = 'FeedUpdated' ORDER BY seq");
        return payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone()).ToList();
    }

    private void WriteAdvisory(string id, string package, string fixedIn, string summary, bool withdrawn = false)
    {
        var advisory = new Dictionary<string, object?>
        {
            ["schema_version"] = "1.6.0",
            ["id"] = id,
            ["modified"] = "2024-05-01T00:00:00Z",
            ["summary"] = summary,
            ["affected"] = new[]
            {
                new
                {
                    package = new { ecosystem = "npm", name = package },
                    ranges = new[] { new { type = "SEMVER", events = new object[] { new { introduced = "0" }, new { @fixed = fixedIn } } } },
                },
            },
        };
        if (withdrawn)
        {
            advisory["withdrawn"] = "2024-06-01T00:00:00Z";
        }

        File.WriteAllText(_feed.Combine(id + ".json"), JsonSerializer.Serialize(advisory));
    }
}
