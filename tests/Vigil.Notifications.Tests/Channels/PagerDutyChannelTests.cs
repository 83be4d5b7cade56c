using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Vigil.Plugins.Notifications.PagerDuty;
using Vigil.Plugins.Sdk.Notifications;
using Vigil.Testing;
using static Vigil.Notifications.Tests.Channels.ChannelSupport;

namespace Vigil.Notifications.Tests.Channels;

/// <summary>PagerDuty Events API v2 against a real endpoint on 127.0.0.1.</summary>
public sealed class PagerDutyChannelTests
{
    private const string RoutingKey = "R0UT1NGKEY0000000000000000000001";

    [Fact]
    public async Task Enqueues_a_trigger_with_the_dedup_key_mapped_severity_and_link()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Default = new ScriptedResponse(202, """{"status":"success","message":"Event processed","dedup_key":"findings:n-1:s-1"}""");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var channel = new PagerDutyChannelFactory(Clients, QuickRetry, clock)
            .Create(Settings(("routingKey", RoutingKey), ("eventsUrl", endpoint.BaseAddress.AbsoluteUri.TrimEnd('/'))));

        await channel.SendAsync(Sample, TestContext.Current.CancellationToken);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("/v2/enqueue", request.Path);
        var expected = JsonNode.Parse($$"""
            {
              "routing_key": "{{RoutingKey}}",
              "event_action": "trigger",
              "payload": {
                "summary": "2 new findings on web-01 (1 critical, 1 high)",
                "source": "vigil",
                "severity": "critical",
                "timestamp": "2026-11-23T10:00:00.000Z",
                "custom_details": {
                  "text": "• GHSA-jf85-cpcp-j695 (critical) pkg:npm/lodash@4.17.15\n• GHSA-p6mc-m468-83gw (high) pkg:npm/lodash@4.17.15 <app>",
                  "Node": "web-01",
                  "Scan": "s-1"
                }
              },
              "client": "Vigil",
              "dedup_key": "findings:n-1:s-1",
              "client_url": "http://vigil.test/scans/s-1",
              "links": [ { "href": "http://vigil.test/scans/s-1", "text": "Open in Vigil" } ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.BodyText)), request.BodyText);
    }

    [Theory]
    [InlineData(NotificationSeverity.Critical, "critical")]
    [InlineData(NotificationSeverity.High, "error")]
    [InlineData(NotificationSeverity.Medium, "warning")]
    [InlineData(NotificationSeverity.Low, "info")]
    [InlineData(NotificationSeverity.Unknown, "info")]
    [InlineData(NotificationSeverity.Info, "info")]
    public void Maps_vigil_severities_to_pagerduty_ones(NotificationSeverity severity, string expected) =>
        Assert.Equal(expected, PagerDutyEvent.Severity(severity));

    [Fact]
    public async Task Retries_a_rate_limited_enqueue()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Enqueue(new ScriptedResponse(429, """{"status":"throttle"}"""));
        endpoint.Default = new ScriptedResponse(202, """{"status":"success"}""");
        var channel = new PagerDutyChannelFactory(Clients, QuickRetry, TimeProvider.System)
            .Create(Settings(("routingKey", RoutingKey), ("eventsUrl", endpoint.BaseAddress.AbsoluteUri)));

        await channel.SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.Equal(2, endpoint.Requests.Count);
    }
}
