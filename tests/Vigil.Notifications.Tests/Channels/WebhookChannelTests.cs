using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Vigil.Plugins.Notifications.Webhook;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;
using Vigil.Testing;
using static Vigil.Notifications.Tests.Channels.ChannelSupport;

namespace Vigil.Notifications.Tests.Channels;

/// <summary>The generic webhook against a real endpoint on 127.0.0.1: payload, signature, timestamp, retries, timeouts.</summary>
public sealed class WebhookChannelTests
{
    private const string Secret = "whsec-7f3a9c-test";

    private static INotificationChannel Channel(HttpRecorder endpoint, TimeProvider? time = null, int timeoutSeconds = 10) =>
        new WebhookChannelFactory(Clients, QuickRetry, time ?? TimeProvider.System)
            .Create(Settings(("url", new Uri(endpoint.BaseAddress, "hooks/vigil").AbsoluteUri), ("secret", Secret), ("timeoutSeconds", timeoutSeconds)));

    [Fact]
    public async Task Posts_the_exact_json_signed_with_hmac_sha256_of_the_body_and_timestamped()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        await Channel(endpoint, clock).SendAsync(Sample, TestContext.Current.CancellationToken);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/vigil", request.Path);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("1795428000", request.Headers["X-Vigil-Timestamp"]);
        var expectedSignature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body));
        Assert.Equal(expectedSignature, request.Headers["X-Vigil-Signature"]);
        var expected = JsonNode.Parse("""
            {
              "timestamp": 1795428000,
              "title": "2 new findings on web-01 (1 critical, 1 high)",
              "text": "• GHSA-jf85-cpcp-j695 (critical) pkg:npm/lodash@4.17.15\n• GHSA-p6mc-m468-83gw (high) pkg:npm/lodash@4.17.15 <app>",
              "severity": "critical",
              "link": "http://vigil.test/scans/s-1",
              "facts": [ { "name": "Node", "value": "web-01" }, { "name": "Scan", "value": "s-1" } ],
              "dedupKey": "findings:n-1:s-1"
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.BodyText)), request.BodyText);
        Assert.DoesNotContain(Secret, request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_body_no_longer_matches_the_signature()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        await Channel(endpoint).SendAsync(Sample, TestContext.Current.CancellationToken);
        var request = Assert.Single(endpoint.Requests);
        var tampered = request.BodyText.Replace("critical", "low", StringComparison.Ordinal);
        Assert.NotEqual(request.Headers["X-Vigil-Signature"], WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(tampered)));
        Assert.NotEqual(request.Headers["X-Vigil-Signature"], WebhookSignature.Sign("another-secret", request.Body));
    }

    [Fact]
    public async Task Retries_on_500_with_backoff_and_succeeds()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Enqueue(new ScriptedResponse(500, "boom"), new ScriptedResponse(503, "busy"));

        await Channel(endpoint).SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.Equal(3, endpoint.Requests.Count);
        Assert.Single(endpoint.Requests.Select(r => r.BodyText).Distinct());
    }

    [Fact]
    public async Task Honours_retry_after_on_429()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Enqueue(new ScriptedResponse(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "1" }));
        var watch = Stopwatch.StartNew();

        await Channel(endpoint).SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.Equal(2, endpoint.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {watch.Elapsed.TotalMilliseconds} ms, before Retry-After");
    }

    [Fact]
    public async Task Gives_up_after_the_attempts_with_the_last_status_code()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Default = new ScriptedResponse(502, "bad gateway");

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(() => Channel(endpoint).SendAsync(Sample, TestContext.Current.CancellationToken));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(3, endpoint.Requests.Count);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(endpoint.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/hooks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Default = new ScriptedResponse(401, "bad signature");

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(() => Channel(endpoint).SendAsync(Sample, TestContext.Current.CancellationToken));

        Assert.Equal(401, error.StatusCode);
        Assert.Single(endpoint.Requests);
        Assert.Contains("bad signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Times_out_each_attempt()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Default = new ScriptedResponse(200, "late", Delay: TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(() => Channel(endpoint, timeoutSeconds: 1).SendAsync(Sample, TestContext.Current.CancellationToken));

        Assert.Contains("did not answer within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
        Assert.Equal(3, endpoint.Requests.Count);
        Assert.InRange(watch.Elapsed.TotalSeconds, 3, 8);
    }

    [Fact]
    public void Rejects_a_url_that_is_not_http()
    {
        var error = Assert.Throws<ConnectorSettingsException>(() =>
            new WebhookChannelFactory(Clients, QuickRetry, TimeProvider.System).Create(Settings(("url", "ftp://example.test/x"), ("secret", Secret))));
        Assert.Equal("url", error.Setting);
    }
}
