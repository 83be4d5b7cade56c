using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Core.Events;
using Vigil.Testing;

namespace Vigil.EndToEnd.Tests;

/// <summary>The Notifications page in real Chromium: a rule made in the page routes an event to a webhook on 127.0.0.1, and the log shows it.</summary>
public sealed class NotificationsPageBrowserTests
{
    [Fact]
    public async Task A_rule_made_on_the_page_delivers_to_a_webhook_and_the_log_shows_it()
    {
        await using var receiver = await HttpRecorder.StartAsync();
        await using var host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?> { ["Vigil:Plugins:Directory"] = RepoPaths.Combine("plugins", "bin") },
        });
        using var api = host.Api();
        // The channel itself is configured through the integrations API (the Integrations page's form is built elsewhere).
        var channel = (await api.PostJsonAsync("/api/v1/integrations", new
        {
            name = "SOC webhook",
            pluginId = "vigil.notifications",
            connectorType = "webhook",
            settings = new { url = new Uri(receiver.BaseAddress, "soc").AbsoluteUri, secret = "page-test-secret-5" },
        })).GetProperty("id").GetString()!;

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(host.BaseAddress);
        await page.GotoAsync("/login");
        await page.FillAsync("#login-email", DashboardHost.AdminEmail);
        await page.FillAsync("#login-password", DashboardHost.AdminPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        await page.GotoAsync("/integrations/notifications");
        await Browser.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#notification-channels")).ToContainTextAsync("SOC webhook");
        await page.ClickAsync("#new-rule");
        await page.FillAsync("#rule-name", "Scan failures to the SOC");
        await page.GetByLabel("Node removed").CheckAsync();
        await Browser.ScreenshotAsync(page, "notifications-rule-editor");
        await page.ClickAsync("#save-rule");
        var rules = page.Locator("#rules-table");
        await Assertions.Expect(rules).ToContainTextAsync("Scan failures to the SOC");
        await Assertions.Expect(rules).ToContainTextAsync("Node removed");
        await Assertions.Expect(rules).ToContainTextAsync("SOC webhook");

        // A scan fails somewhere in the fleet: the rule sends it, and the open page's log follows the delivery.
        var outbox = host.Services.GetRequiredService<EventOutbox>();
        await outbox.PublishAsync(new ScanFailed("scan-90", "n-90", "web-90", "the image could not be pulled"));
        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("Scan failed on web-90", (string?)JsonNode.Parse(request.BodyText)!["title"]);
        var log = page.Locator("#deliveries-table");
        await Assertions.Expect(log).ToContainTextAsync("Scan failed on web-90", new() { Timeout = 15_000 });
        await Assertions.Expect(log.Locator(".delivery-status").First).ToHaveTextAsync("delivered", new() { Timeout = 15_000 });

        await page.ClickAsync($"#send-test-{channel}");
        await Assertions.Expect(log).ToContainTextAsync("Test notification from Vigil", new() { Timeout = 15_000 });
        await Assertions.Expect(log.Locator(".delivery-status")).ToHaveTextAsync(["delivered", "delivered"], new() { Timeout = 15_000 });
        Assert.Equal(2, (await receiver.WaitForAsync(2)).Count);
        Assert.DoesNotContain("page-test-secret-5", await page.ContentAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "notifications");
    }
}
