using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Dashboard.Scheduling;
using Vigil.Core.Json;
using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>Scan-now for registries in the console, against a real registry through the real plugin and loader.</summary>
public sealed class RegistryScanTests(RegistryScanFixture fixture) : IClassFixture<RegistryScanFixture>
{
    [Fact]
    public async Task Tags_become_image_nodes_with_findings_and_a_rescan_rematches_without_pulling_unless_forced()
    {
        Assert.SkipUnless(RegistryScanFixture.Available, "needs docker-registry, skopeo, umoci");
        using var api = fixture.Host.Api();
        var id = await CreateRegistryAsync(api, "shop");

        var pulledEarlier = fixture.Proxy.BlobsPulled.Where(IsLayer).Select(Digest).ToHashSet();
        var before = fixture.Proxy.BlobsPulled.Count;
        var first = await ScanAndWaitAsync(api, id, new { repository = "shop/api" });
        var layers = fixture.Proxy.BlobsPulled.Skip(before).Where(IsLayer).Select(Digest).ToList();
        var node = await api.GetJsonAsync($"/api/v1/nodes/{first[0].GetProperty("nodeId").GetString()}");
        var findings = await api.GetJsonAsync($"/api/v1/scans/{first[0].GetProperty("id").GetString()}/findings");
        var tags = await api.GetJsonAsync($"/api/v1/registries/{id}/tags?repository=shop/api");

        Assert.Equal(2, first.Count);
        Assert.Equal("image", node.GetProperty("type").GetString());
        Assert.StartsWith("shop/shop/api:1.", node.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(id, node.GetProperty("labels").GetProperty("vigil/registry").GetString());
        Assert.Equal("shop/api", node.GetProperty("labels").GetProperty("vigil/repository").GetString());
        Assert.True(findings.GetProperty("total").GetInt32() > 0, "the image's packages have no findings");
        Assert.All(findings.GetProperty("items").EnumerateArray(), f => // every finding is about a file of the image
            Assert.True(File.Exists(Path.Combine(ContainerImageFixture.ExpectedRoot, f.GetProperty("location").GetString()!)), f.GetProperty("location").GetString()));
        Assert.All(tags.GetProperty("items").EnumerateArray(), t => Assert.Equal("complete", t.GetProperty("lastScan").GetProperty("status").GetString()));
        Assert.Equal(layers.Distinct().Count(), layers.Count); // the two tags share their layers: each pulled once
        Assert.Equal(FixtureLayers.Digests.Length, layers.Union(pulledEarlier).Count()); // ... and every one was pulled, now or by an earlier scan

        var pulledBefore = fixture.Proxy.BlobsPulled.Count;
        var again = await ScanAndWaitAsync(api, id, new { repository = "shop/api" });
        var pulledByRescan = fixture.Proxy.BlobsPulled.Skip(pulledBefore).Where(IsLayer).ToList();
        var rematched = await api.GetJsonAsync($"/api/v1/scans/{again[0].GetProperty("id").GetString()}/findings");

        Assert.Empty(pulledByRescan);
        Assert.Equal(findings.GetProperty("total").GetInt32(), rematched.GetProperty("total").GetInt32());

        pulledBefore = fixture.Proxy.BlobsPulled.Count;
        await ScanAndWaitAsync(api, id, new { repository = "shop/api", tags = new[] { "1.1" }, force = true });
        Assert.Contains(fixture.Proxy.BlobsPulled.Skip(pulledBefore), IsLayer);
    }

    [Fact]
    public async Task One_pull_per_registry_at_a_time_when_the_limit_is_one()
    {
        Assert.SkipUnless(RegistryScanFixture.Available, "needs docker-registry, skopeo, umoci");
        using var api = fixture.Host.Api();
        var id = await CreateRegistryAsync(api, "workers");
        fixture.Proxy.BlobDelay = TimeSpan.FromMilliseconds(200);
        try
        {
            // Reset once the listing (which reads configs a few at a time) is done: from then on only pulls fetch blobs.
            var scans = await ScanAndWaitAsync(api, id, new { repository = "shop/worker", force = true }, fixture.Proxy.ResetConcurrency);
            Assert.Equal(3, scans.Count);
            Assert.Equal(1, fixture.Proxy.MaxBlobsInFlight);
        }
        finally
        {
            fixture.Proxy.BlobDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Too_many_requests_with_Retry_After_is_waited_out()
    {
        Assert.SkipUnless(RegistryScanFixture.Available, "needs docker-registry, skopeo, umoci");
        using var api = fixture.Host.Api();
        var id = await CreateRegistryAsync(api, "throttled");
        var before = fixture.Proxy.Requests.Count;
        fixture.Proxy.Throttle(2);

        var scans = await ScanAndWaitAsync(api, id, new { repository = "ops/tools", force = true });

        var seen = fixture.Proxy.Requests.Skip(before).ToList();
        Assert.Single(scans);
        Assert.Equal(2, seen.Count(r => r.Status == 429));
        Assert.Equal(200, seen[2].Status); // the request after the second 429 went through
    }

    [Fact]
    public async Task Bad_selections_and_unknown_registries_are_refused_with_the_reason()
    {
        Assert.SkipUnless(RegistryScanFixture.Available, "needs docker-registry, skopeo, umoci");
        using var api = fixture.Host.Api();
        var id = await CreateRegistryAsync(api, "refusals");

        using var unknownTag = await api.Http.PostAsJsonAsync($"/api/v1/registries/{id}/scans", new { repository = "shop/web", tags = new[] { "nope" } }, VigilJson.Options);
        using var unknownRegistry = await api.Http.PostAsJsonAsync("/api/v1/registries/nope/scans", new { }, VigilJson.Options);
        using var both = await api.Http.PostAsJsonAsync($"/api/v1/registries/{id}/scans", new { repositories = new[] { "a" }, repository = "b" }, VigilJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, unknownTag.StatusCode);
        Assert.Contains("shop/web has no tag nope", await unknownTag.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownRegistry.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
    }

    [Fact]
    public async Task The_Registries_page_lists_repositories_and_tags_and_scan_now_shows_the_findings()
    {
        Assert.SkipUnless(RegistryScanFixture.Available, "needs docker-registry, skopeo, umoci");
        using var api = fixture.Host.Api();
        await CreateRegistryAsync(api, "page registry");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(fixture.Host.BaseAddress);
        await page.SetViewportSizeAsync(1400, 900);
        await Browser.SignInAsync(page);

        await page.GotoAsync("/registries");
        await Browser.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "page registry" }).ClickAsync();
        var repositories = page.Locator("#repositories");
        await Assertions.Expect(repositories).ToContainTextAsync("shop/worker", new() { Timeout = 30_000 });
        await Assertions.Expect(repositories).ToContainTextAsync("ops/tools");
        await repositories.GetByText("shop/web").ClickAsync();
        var tags = page.Locator("#tags-table");
        var row = tags.Locator("tbody tr", new() { HasText = "sha256:" });
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await row.Locator("input[type=checkbox]").CheckAsync();
        await Assertions.Expect(page.Locator("#registry-image-count")).ToContainTextAsync("0 images scanned or queued");
        await page.ClickAsync("#scan-tags");
        await Assertions.Expect(page.Locator("#registry-image-count")).ToContainTextAsync("1 image scanned or queued");

        // The row turns complete by the live event stream, without a reload.
        await Assertions.Expect(row.Locator(".scan-cell[data-scan-status=complete]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await Browser.ScreenshotAsync(page, "registries");
        await row.Locator("a[data-scan]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/scans/[0-9a-f]{32}$"));
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("page registry/shop/web:1", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("usr/local/bin/hello");
        await Browser.ScreenshotAsync(page, "registries-scan-report");
    }

    [Fact]
    public async Task A_registry_schedule_lists_the_registry_at_each_run_and_scans_its_images()
    {
        Assert.SkipUnless(RegistryScanFixture.Available, "needs docker-registry, skopeo, umoci");
        using var api = fixture.Host.Api();
        var id = await CreateRegistryAsync(api, "scheduled");
        await api.PostJsonAsync("/api/v1/schedules", new
        {
            id = "registry-nightly", name = "Registry nightly", cron = "0 3 * * *", timeZone = "UTC", enabled = true,
            target = new { kind = "registry", registry = id, repositories = new[] { "ops/tools" } },
        });

        var stored = (await api.GetJsonAsync("/api/v1/schedules/registry-nightly")).GetProperty("schedule");
        var run = await fixture.Host.Services.GetRequiredService<ScanScheduleJob>().RunAsync("registry-nightly", DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

        Assert.Equal(id, stored.GetProperty("target").GetProperty("registry").GetString());
        Assert.Equal(["ops/tools"], stored.GetProperty("target").GetProperty("repositories").EnumerateArray().Select(r => r.GetString()));
        Assert.NotNull(run);
        Assert.Equal(ScheduleRun.Started, run.Outcome);
        var scan = Assert.Single(run.Scans);
        var completed = await ScanData.WaitForCompletionAsync(api.Http, scan.ScanId, TimeSpan.FromSeconds(120));
        Assert.Equal("scheduled/ops/tools:1", completed.GetProperty("nodeName").GetString());
        Assert.Equal("schedule:registry-nightly", completed.GetProperty("requestedBy").GetString());
    }

    private async Task<string> CreateRegistryAsync(VigilApiClient api, string name)
    {
        var created = await api.PostJsonAsync("/api/v1/integrations", new
        {
            name = $"{name}",
            pluginId = "vigil.docker-registry",
            connectorType = "docker-registry",
            settings = new { registry = fixture.Proxy.Host, insecure = true },
        });
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>Requests the scans, waits for every one to complete, returns them.</summary>
    private static async Task<List<JsonElement>> ScanAndWaitAsync(VigilApiClient api, string registryId, object selection, Action? accepted = null)
    {
        var answer = await api.PostJsonAsync($"/api/v1/registries/{registryId}/scans", selection);
        accepted?.Invoke();
        var scans = answer.GetProperty("scans").EnumerateArray().Select(s => s.Clone()).ToList();
        foreach (var scan in scans)
        {
            await ScanData.WaitForCompletionAsync(api.Http, scan.GetProperty("id").GetString()!, TimeSpan.FromSeconds(120));
        }

        return scans;
    }

    private static string Digest(string blobPath) => blobPath[(blobPath.LastIndexOf('/') + 1)..];

    private static bool IsLayer(string path) => FixtureLayers.IsLayer(path);
}
