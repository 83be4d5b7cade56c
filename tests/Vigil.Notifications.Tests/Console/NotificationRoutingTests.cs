using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Testing;
using Vigil.Workflows.Contracts;

namespace Vigil.Notifications.Tests.Console;

/// <summary>
/// Rules, the delivery queue and the worker in a real console with the real plugin: events appended through the
/// outbox reach webhook endpoints on 127.0.0.1, and the delivery log tells what happened.
/// </summary>
public sealed class NotificationRoutingTests(NotificationConsole console) : IClassFixture<NotificationConsole>
{
    private static string Status(JsonElement delivery) => delivery.GetProperty("status").GetString()!;

    [Fact]
    public async Task New_findings_at_or_above_the_rules_severity_reach_the_webhook_signed_and_linked_to_the_scan()
    {
        await console.ResetAsync();
        await using var endpoint = await HttpRecorder.StartAsync();
        var channel = await console.AddWebhookAsync("sec-hook-findings", endpoint, "findings-secret-1");
        await console.AddRuleAsync(new { name = "critical and high", events = new[] { "newFindings" }, minSeverity = "high", channels = new[] { channel } });

        await console.AppendAsync(new FindingsChanged("n-41", "web-41", "scan-41", null,
            [new("GHSA-aaaa|pkg:npm/lodash|/app", "GHSA-aaaa", "medium"), new("GHSA-bbbb|pkg:npm/lodash|/app", "GHSA-bbbb", "critical"), new("GHSA-cccc|pkg:npm/minimist|/app", "GHSA-cccc", "high")],
            []));

        var request = Assert.Single(await endpoint.WaitForAsync(1));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("findings-secret-1"), request.Body)), request.Headers["X-Vigil-Signature"]);
        var body = JsonNode.Parse(request.BodyText)!;
        Assert.Equal("2 new findings on web-41 (1 critical, 1 high)", (string?)body["title"]);
        Assert.Equal("• GHSA-bbbb (critical) GHSA-bbbb|pkg:npm/lodash|/app\n• GHSA-cccc (high) GHSA-cccc|pkg:npm/minimist|/app", (string?)body["text"]);
        Assert.Equal("critical", (string?)body["severity"]);
        Assert.Equal($"{NotificationConsole.PublicUrl}/scans/scan-41", (string?)body["link"]);
        Assert.Equal("findings:n-41:scan-41", (string?)body["dedupKey"]);

        var log = await console.WaitForDeliveriesAsync(channel, d => d.Length == 1 && Status(d[0]) == "delivered");
        var delivery = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(("delivered", 1, "critical and high", "FindingsChanged"),
            (Status(delivery), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("ruleName").GetString(), delivery.GetProperty("eventType").GetString()));

        // The outbox delivers at least once: an event handed to the router twice is sent once.
        var router = console.Host.Services.GetServices<IDomainEventSubscriber>().OfType<Vigil.Dashboard.Notifications.NotificationRouter>().Single();
        var replayed = new FindingsChanged("n-41", "web-41", "scan-41", null, [new("k", "GHSA-dddd", "critical")], []);
        await router.HandleAsync(replayed, default);
        await router.HandleAsync(replayed, default);
        await endpoint.WaitForAsync(2);
        await Task.Delay(1000);
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    public async Task Findings_below_the_minimum_severity_send_nothing()
    {
        await console.ResetAsync();
        await using var endpoint = await HttpRecorder.StartAsync();
        var channel = await console.AddWebhookAsync("sec-hook-quiet", endpoint, "quiet-secret-1");
        await console.AddRuleAsync(new { name = "critical only", events = new[] { "newFindings", "feedUpdated" }, minSeverity = "critical", channels = new[] { channel } });

        await console.AppendAsync(
            new FindingsChanged("n-42", "web-42", "scan-42", null, [new("k1", "GHSA-eeee", "high"), new("k2", "GHSA-ffff", "low")], []),
            new FeedUpdated("snap-42", 10, 2, 1));

        // The feed update comes after the findings in the outbox: once it arrived, the findings were routed (to nothing).
        var request = Assert.Single(await endpoint.WaitForAsync(1));
        Assert.Equal("Threat feed updated", (string?)JsonNode.Parse(request.BodyText)!["title"]);
        await Task.Delay(500);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task A_failing_channel_is_retried_then_marked_failed_while_another_channel_gets_its_message()
    {
        await console.ResetAsync();
        await using var broken = await HttpRecorder.StartAsync();
        broken.Default = new ScriptedResponse(500, "receiver down");
        await using var healthy = await HttpRecorder.StartAsync();
        var brokenId = await console.AddWebhookAsync("broken-hook", broken, "broken-secret-1");
        var healthyId = await console.AddWebhookAsync("healthy-hook", healthy, "healthy-secret-1");
        await console.AddRuleAsync(new { name = "scan failures", events = new[] { "scanFailed" }, channels = new[] { brokenId, healthyId } });

        await console.AppendAsync(new ScanFailed("scan-43", "n-43", "web-43", "the agent lost its connection"));

        var request = Assert.Single(await healthy.WaitForAsync(1));
        Assert.Equal("Scan failed on web-43", (string?)JsonNode.Parse(request.BodyText)!["title"]);
        var failing = await console.WaitForDeliveriesAsync(brokenId, d => d.Length == 1 && Status(d[0]) == "failed");
        var delivery = Assert.Single(failing.GetProperty("items").EnumerateArray());
        Assert.Equal("failed", Status(delivery));
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(500, delivery.GetProperty("responseCode").GetInt32());
        Assert.Contains("receiver down", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, broken.Requests.Count); // 2 console attempts × 3 tries inside the channel
        Assert.Contains(console.Logs.Lines, l => l.Contains("Notification to broken-hook failed (attempt 2)", StringComparison.Ordinal));
        Assert.Single(healthy.Requests);
    }

    [Fact]
    public async Task A_digest_rule_gathers_events_into_one_message_when_its_window_closes()
    {
        await console.ResetAsync();
        await using var endpoint = await HttpRecorder.StartAsync();
        var channel = await console.AddWebhookAsync("digest-hook", endpoint, "digest-secret-1");
        await console.AddRuleAsync(new { name = "hourly digest", events = new[] { "scanFailed", "nodeRemoved" }, channels = new[] { channel }, digestMinutes = 60 });

        await console.AppendAsync(
            new ScanFailed("scan-44", "n-44", "web-44", "timeout"),
            new NodeRemoved("n-45", "web-45", "flow pre-deployment", "policy default failed"));
        var waiting = await console.Api.WaitForJsonAsync("/api/v1/notification-deliveries?integrationId=" + channel, _ => DigestItems() == 2);
        Assert.Equal(2, DigestItems());
        Assert.Equal(0, waiting.GetProperty("total").GetInt32());
        Assert.Empty(endpoint.Requests);

        // Time passes: the window closes (moved into the past rather than waiting an hour).
        await using (var connection = await console.Host.Services.GetRequiredService<Vigil.Core.Storage.IDbConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE notification_digest_items SET flush_at = @past", new { past = DateTimeOffset.UtcNow.AddMinutes(-1) });
        }

        var request = Assert.Single(await endpoint.WaitForAsync(1));
        var body = JsonNode.Parse(request.BodyText)!;
        Assert.Equal("Vigil digest: 2 notifications (hourly digest)", (string?)body["title"]);
        Assert.Equal("• [high] Scan failed on web-44\n• [medium] Node web-45 was removed", (string?)body["text"]);
        Assert.Equal($"{NotificationConsole.PublicUrl}/integrations/notifications", (string?)body["link"]);
        Assert.Equal(0, DigestItems());

        int DigestItems()
        {
            using var connection = console.Host.Services.GetRequiredService<Vigil.Core.Storage.IDbConnectionFactory>().OpenAsync().GetAwaiter().GetResult();
            return Dapper.SqlMapper.ExecuteScalar<int>(connection, "SELECT COUNT(*) FROM notification_digest_items");
        }
    }

    [Fact]
    public async Task Label_filters_pick_the_nodes_a_rule_applies_to()
    {
        await console.ResetAsync();
        await using var endpoint = await HttpRecorder.StartAsync();
        var channel = await console.AddWebhookAsync("prod-hook", endpoint, "prod-secret-1");
        await console.AddRuleAsync(new { name = "prod offline", events = new[] { "nodeOffline" }, labels = new Dictionary<string, string> { ["env"] = "prod" }, channels = new[] { channel } });
        await console.AddNodeAsync("n-46", "db-staging", new Dictionary<string, string> { ["env"] = "staging" });
        await console.AddNodeAsync("n-47", "db-prod", new Dictionary<string, string> { ["env"] = "prod", ["team"] = "data" });

        await console.AppendAsync(new NodeOffline("n-46", "db-staging", null), new NodeOffline("n-47", "db-prod", DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

        var request = Assert.Single(await endpoint.WaitForAsync(1));
        var body = JsonNode.Parse(request.BodyText)!;
        Assert.Equal("db-prod is offline", (string?)body["title"]);
        Assert.Equal("The agent on db-prod stopped sending heartbeats; last seen 2026-11-23 09:00 UTC.", (string?)body["text"]);
        Assert.Equal($"{NotificationConsole.PublicUrl}/nodes/n-47", (string?)body["link"]);
        await Task.Delay(500);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task Flow_notifications_go_to_the_named_channel_and_onto_the_timeline()
    {
        await console.ResetAsync();
        await using var endpoint = await HttpRecorder.StartAsync();
        var channel = await console.AddWebhookAsync("flow-hook", endpoint, "flow-secret-1");
        var notifier = console.Host.Services.GetRequiredService<INotifier>();

        var sentTo = await notifier.NotifyAsync(new WorkflowNotification("web-48 removed", "policy default failed", "high", "n-48", ["flow-hook"], "flow:n-48"), default);

        Assert.Equal(["timeline", "flow-hook"], sentTo);
        var body = JsonNode.Parse(Assert.Single(await endpoint.WaitForAsync(1)).BodyText)!;
        Assert.Equal(("web-48 removed", "policy default failed", "high", "flow:n-48"), ((string?)body["title"], (string?)body["text"], (string?)body["severity"], (string?)body["dedupKey"]));
        var timeline = console.Host.Services.GetRequiredService<NodeTimeline>();
        var entries = await WaitAsync(async () => await timeline.ListAsync("n-48", 0, 10), page => page.Items.Count > 0);
        Assert.Equal("NotificationRecorded", Assert.Single(entries.Items).Type);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => notifier.NotifyAsync(new WorkflowNotification("t", "x", "low", null, ["no-such-channel"], null), default));
        Assert.Contains("'no-such-channel' is not a configured notification channel", error.Message, StringComparison.Ordinal);
        Assert.Contains("flow-hook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_test_queues_a_test_message_and_the_log_shows_it_delivered()
    {
        await console.ResetAsync();
        await using var endpoint = await HttpRecorder.StartAsync();
        var channel = await console.AddWebhookAsync("test-hook", endpoint, "test-secret-1");

        using var response = await console.Api.Http.PostAsync($"/api/v1/notification-channels/{channel}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var body = JsonNode.Parse(Assert.Single(await endpoint.WaitForAsync(1)).BodyText)!;
        Assert.Equal("Test notification from Vigil", (string?)body["title"]);
        Assert.StartsWith("key:bootstrap sent this test to check that notifications reach 'test-hook'.", (string?)body["text"], StringComparison.Ordinal);
        var log = await console.WaitForDeliveriesAsync(channel, d => d.Length == 1 && Status(d[0]) == "delivered");
        Assert.Equal("Test", log.GetProperty("items")[0].GetProperty("eventType").GetString());
        using var missing = await console.Api.Http.PostAsync("/api/v1/notification-channels/nope/test", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Invalid_rules_get_a_clear_error_for_each_field()
    {
        using var response = await console.Api.Http.PostAsJsonAsync("/api/v1/notification-rules",
            new { name = "", events = new[] { "scanFailed", "coffeeBrewed" }, minSeverity = "dire", channels = new[] { "missing-channel" }, digestMinutes = -5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("1-200 printable characters", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("unknown event 'coffeeBrewed'", errors.GetProperty("events")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'dire' is not one of critical, high, medium, low, unknown", errors.GetProperty("minSeverity")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("no notification channel with id missing-channel", errors.GetProperty("channels")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("0 (send at once)", errors.GetProperty("digestMinutes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_never_appear_in_api_answers_or_the_log()
    {
        await console.ResetAsync();
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Default = new ScriptedResponse(500, "nope");
        const string Secret = "super-Secret-webhook-key-77";
        var channel = await console.AddWebhookAsync("secret-hook", endpoint, Secret);
        await console.AddRuleAsync(new { name = "secret check", events = new[] { "feedUpdated" }, channels = new[] { channel } });
        await console.AppendAsync(new FeedUpdated("snap-49", 1, 0, 0));
        await console.WaitForDeliveriesAsync(channel, d => d.Length == 1 && Status(d[0]) == "failed");

        foreach (var path in new[] { "/api/v1/integrations", $"/api/v1/integrations/{channel}", "/api/v1/notification-rules", "/api/v1/notification-deliveries" })
        {
            var text = await console.Api.Http.GetStringAsync(path);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }

        Assert.Contains(console.Logs.Lines, l => l.Contains("Notification to secret-hook failed", StringComparison.Ordinal));
        Assert.DoesNotContain(console.Logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
