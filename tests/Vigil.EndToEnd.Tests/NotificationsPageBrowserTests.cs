using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Core.Events;
using Vigil.Testing;

namespace Vigil.EndToEnd.Tests;

/// <summary>
/// The Integrations and Notifications pages in real Chromium: a webhook channel and a rule made in the pages route an
/// event to a receiver on 127.0.0.1, signed, and the delivery log shows it.
/// </summary>
public sealed class NotificationsPageBrowserTests
{
    private const string Secret = "page-test-secret-5";

    [Fact]
    public async Task A_channel_and_rule_made_in_the_pages_deliver_a_signed_webhook_and_the_log_shows_it()
    {
        await using var receiver = await HttpRecorder.StartAsync();
        await using var host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?> { ["Vigil:Plugins:Directory"] = RepoPaths.Combine("plugins", "bin") },
        });
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewSignedInPageAsync(host.BaseAddress);

        // The channel, through the Integrations page's form.
        await page.GotoAsync("/integrations");
        await Browser.WaitForInteractiveAsync(page);
        await page.ClickAsync("#new-integration");
        await page.Locator("#integration-editor .mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Webhook (Notification channels)" }).ClickAsync();
        await page.FillAsync("#integration-name", "SOC webhook");
        await page.GetByLabel("URL *").FillAsync(new Uri(receiver.BaseAddress, "soc").AbsoluteUri);
        await page.GetByLabel("Signing secret *").FillAsync(Secret);
        await page.ClickAsync("#save-integration");
        await Assertions.Expect(page.Locator("#integrations-table")).ToContainTextAsync("SOC webhook");
        using var api = host.Api();
        var channel = (await api.GetJsonAsync("/api/v1/integrations")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == "SOC webhook").GetProperty("id").GetString()!;

        await page.GotoAsync("/integrations/notifications");
        await Browser.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#notification-channels")).ToContainTextAsync("SOC webhook");
        await page.ClickAsync("#new-rule");
        await page.FillAsync("#rule-name", "Scan failures to the SOC");
        await page.GetByLabel("Scan failed").CheckAsync();
        await page.GetByLabel("SOC webhook").CheckAsync();
        await Browser.ScreenshotAsync(page, "notifications-rule-editor");
        await page.ClickAsync("#save-rule");
        var rules = page.Locator("#rules-table");
        await Assertions.Expect(rules).ToContainTextAsync("Scan failures to the SOC");
        await Assertions.Expect(rules).ToContainTextAsync("Scan failed");
        await Assertions.Expect(rules).ToContainTextAsync("SOC webhook");

        // A scan fails somewhere in the fleet: the rule sends it, and the open page's log follows the delivery.
        var outbox = host.Services.GetRequiredService<EventOutbox>();
        await outbox.PublishAsync(new ScanFailed("scan-90", "n-90", "web-90", "the image could not be pulled"));
        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("/soc", request.Path);
        Assert.Equal("Scan failed on web-90", (string?)JsonNode.Parse(request.BodyText)!["title"]);
        // Signed with the secret typed into the form: HMAC-SHA256 over the exact body received.
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body)), request.Headers["X-Vigil-Signature"]);
        var log = page.Locator("#deliveries-table");
        await Assertions.Expect(log).ToContainTextAsync("Scan failed on web-90", new() { Timeout = 15_000 });
        await Assertions.Expect(log.Locator(".delivery-status").First).ToHaveTextAsync("delivered", new() { Timeout = 15_000 });

        await page.ClickAsync($"#send-test-{channel}");
        await Assertions.Expect(log).ToContainTextAsync("Test notification from Vigil", new() { Timeout = 15_000 });
        await Assertions.Expect(log.Locator(".delivery-status")).ToHaveTextAsync(["delivered", "delivered"], new() { Timeout = 15_000 });
        Assert.Equal(2, (await receiver.WaitForAsync(2)).Count);
        Assert.DoesNotContain(Secret, await page.ContentAsync(), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(page, "notifications");
    }
}
