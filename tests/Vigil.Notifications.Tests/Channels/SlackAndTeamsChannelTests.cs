using System.Text.Json.Nodes;
using Vigil.Plugins.Notifications.Slack;
using Vigil.Plugins.Notifications.Teams;
using Vigil.Testing;
using static Vigil.Notifications.Tests.Channels.ChannelSupport;

namespace Vigil.Notifications.Tests.Channels;

/// <summary>Slack (Block Kit) and Teams (Adaptive Card) against a real endpoint on 127.0.0.1: the exact payloads.</summary>
public sealed class SlackAndTeamsChannelTests
{
    [Fact]
    public async Task Slack_gets_a_block_kit_message_with_escaped_text_fields_and_a_link_button()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        var channel = new SlackChannelFactory(Clients, QuickRetry, TimeProvider.System)
            .Create(Settings(("webhookUrl", new Uri(endpoint.BaseAddress, "services/T000/B000/XXXX").AbsoluteUri)));

        await channel.SendAsync(Sample, TestContext.Current.CancellationToken);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("/services/T000/B000/XXXX", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var expected = JsonNode.Parse("""
            {
              "text": "2 new findings on web-01 (1 critical, 1 high)",
              "blocks": [
                { "type": "header", "text": { "type": "plain_text", "text": "2 new findings on web-01 (1 critical, 1 high)" } },
                { "type": "section", "text": { "type": "mrkdwn", "text": "• GHSA-jf85-cpcp-j695 (critical) pkg:npm/lodash@4.17.15\n• GHSA-p6mc-m468-83gw (high) pkg:npm/lodash@4.17.15 &lt;app&gt;" } },
                { "type": "section", "fields": [ { "type": "mrkdwn", "text": "*Node*\nweb-01" }, { "type": "mrkdwn", "text": "*Scan*\ns-1" } ] },
                { "type": "context", "elements": [ { "type": "mrkdwn", "text": "Severity: *critical* · Vigil" } ] },
                { "type": "actions", "elements": [ { "type": "button", "text": { "type": "plain_text", "text": "Open in Vigil" }, "url": "http://vigil.test/scans/s-1" } ] }
              ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.BodyText)), request.BodyText);
    }

    [Fact]
    public async Task Teams_gets_an_adaptive_card_message_with_facts_and_an_open_url_action()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Default = new ScriptedResponse(202, "");
        var channel = new TeamsChannelFactory(Clients, QuickRetry, TimeProvider.System)
            .Create(Settings(("webhookUrl", new Uri(endpoint.BaseAddress, "workflows/123/triggers/manual/paths/invoke?sig=abc").AbsoluteUri)));

        await channel.SendAsync(Sample, TestContext.Current.CancellationToken);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("/workflows/123/triggers/manual/paths/invoke", request.Path);
        Assert.Equal("?sig=abc", request.Query);
        var expected = JsonNode.Parse("""
            {
              "type": "message",
              "attachments": [ {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": null,
                "content": {
                  "type": "AdaptiveCard",
                  "version": "1.4",
                  "body": [
                    { "type": "TextBlock", "text": "2 new findings on web-01 (1 critical, 1 high)", "size": "Large", "weight": "Bolder", "wrap": true, "color": "Attention" },
                    { "type": "TextBlock", "text": "• GHSA-jf85-cpcp-j695 (critical) pkg:npm/lodash@4.17.15\n• GHSA-p6mc-m468-83gw (high) pkg:npm/lodash@4.17.15 <app>", "wrap": true },
                    { "type": "FactSet", "facts": [ { "title": "Severity", "value": "critical" }, { "title": "Node", "value": "web-01" }, { "title": "Scan", "value": "s-1" } ] }
                  ],
                  "actions": [ { "type": "Action.OpenUrl", "title": "Open in Vigil", "url": "http://vigil.test/scans/s-1" } ]
                }
              } ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.BodyText)), request.BodyText);
    }
}
