using Microsoft.Playwright;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Scheduling;

/// <summary>The Feed page (real OSV data from the shared feeds) and the Scheduled jobs page in headless Chromium, as the bootstrap Admin.</summary>
public sealed class FeedAndSchedulePagesBrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    [Fact]
    public async Task Admin_sees_the_feed_imports_it_again_and_manages_schedules()
    {
        using var api = Host.Api();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewSignedInPageAsync(Host.BaseAddress);

        // Feed: empty until imported (this test host does not import at start); Import now shows progress, then the
        // shared feeds per source and per ecosystem; a second import finds no change.
        await page.GotoAsync("/settings/feed");
        await Browser.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#feed-sources")).ToContainTextAsync("not imported yet");
        await page.ClickAsync("#feed-import");
        await Assertions.Expect(page.Locator("#feed-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#feed-last-import")).ToContainTextAsync("new snapshot", new() { Timeout = 180_000 });
        await Assertions.Expect(page.Locator("#feed-sources")).ToContainTextAsync("ok");
        await Assertions.Expect(page.Locator("#feed-ecosystems")).ToContainTextAsync("npm");
        await Assertions.Expect(page.Locator("#feed-ecosystems")).ToContainTextAsync("Debian");
        var snapshot = (await api.GetJsonAsync("/api/v1/feed")).GetProperty("snapshotId").GetString()!;
        await Assertions.Expect(page.GetByText(snapshot)).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "feed");
        var before = (await api.GetJsonAsync("/api/v1/feed")).GetProperty("import").GetProperty("last").GetProperty("finishedAt").GetString();
        await page.ClickAsync("#feed-import");
        await Assertions.Expect(page.Locator("#feed-last-import")).ToContainTextAsync("no change", new() { Timeout = 180_000 });
        var after = (await api.GetJsonAsync("/api/v1/feed")).GetProperty("import").GetProperty("last").GetProperty("finishedAt").GetString();
        Assert.NotEqual(before, after);

        // Scheduled jobs: the shipped weekly scan, enabled from the page; a new schedule refused, then saved.
        await page.GotoAsync("/schedules");
        await Browser.WaitForInteractiveAsync(page);
        var weekly = page.Locator("#schedules-table tr", new() { HasText = "Weekly scan of all hosts and containers" });
        await Assertions.Expect(weekly).ToContainTextAsync("0 3 * * 0");
        await weekly.Locator("input[type=checkbox]").ClickAsync();
        await Assertions.Expect(weekly).ToContainTextAsync("Sun");
        Assert.True((await api.GetJsonAsync("/api/v1/schedules/weekly-scan")).GetProperty("schedule").GetProperty("enabled").GetBoolean());

        await page.ClickAsync("#schedule-new");
        await page.Locator("#schedule-name").FillAsync("Weekday hosts");
        await page.Locator("#schedule-cron").FillAsync("61 4 * * 1-5");
        await page.ClickAsync("#schedule-save");
        await Assertions.Expect(page.Locator("#schedule-form")).ToContainTextAsync("minute value 61");
        await page.Locator("#schedule-cron").FillAsync("0 4 * * 1-5");
        await Assertions.Expect(page.Locator("#schedule-preview")).ToContainTextAsync("0 0 4 ? * MON,TUE,WED,THU,FRI");
        await Browser.ScreenshotAsync(page, "schedule-form");
        await page.ClickAsync("#schedule-save");
        await Assertions.Expect(page.Locator("#schedules-table")).ToContainTextAsync("Weekday hosts");
        var saved = await api.GetJsonAsync("/api/v1/schedules/weekday-hosts");
        Assert.Equal("0 4 * * 1-5", saved.GetProperty("schedule").GetProperty("cron").GetString());
        await Browser.ScreenshotAsync(page, "schedules");
    }
}
