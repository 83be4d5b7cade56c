using System.Text;
using System.Text.Json.Nodes;
using Vigil.Plugins.Notifications.Jira;
using Vigil.Plugins.Sdk.Notifications;
using Vigil.Testing;
using static Vigil.Notifications.Tests.Channels.ChannelSupport;

namespace Vigil.Notifications.Tests.Channels;

/// <summary>Jira REST against a real endpoint on 127.0.0.1: search by the dedup label first, create only when absent.</summary>
public sealed class JiraChannelTests
{
    private static readonly string Label = JiraIssue.DedupLabel("findings:n-1:s-1");

    private static INotificationChannel Channel(HttpRecorder endpoint, string apiVersion, string? email) =>
        new JiraChannelFactory(Clients, QuickRetry, TimeProvider.System).Create(Settings(
        [
            ("baseUrl", endpoint.BaseAddress.AbsoluteUri), ("apiVersion", apiVersion), ("apiToken", "jira-token-123"), ("projectKey", "SEC"),
            ("labels", new[] { "security" }), .. email is null ? Array.Empty<(string, object)>() : [("email", email)],
        ]));

    [Fact]
    public async Task Creates_an_issue_with_the_dedup_label_when_none_exists_v3_cloud()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Route = r => r.Method == "GET" ? new ScriptedResponse(200, """{"issues":[]}""") : new ScriptedResponse(201, """{"id":"10001","key":"SEC-1"}""");

        await Channel(endpoint, "3", "bot@acme.test").SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.Equal(2, endpoint.Requests.Count);
        var search = endpoint.Requests[0];
        Assert.Equal("/rest/api/3/search/jql", search.Path);
        Assert.Contains(Uri.EscapeDataString($"project = \"SEC\" AND labels = \"{Label}\""), search.Query, StringComparison.Ordinal);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot@acme.test:jira-token-123"));
        Assert.Equal(basic, search.Headers["Authorization"]);

        var create = endpoint.Requests[1];
        Assert.Equal(("POST", "/rest/api/3/issue"), (create.Method, create.Path));
        Assert.Equal(basic, create.Headers["Authorization"]);
        var fields = JsonNode.Parse(create.BodyText)!["fields"]!;
        Assert.Equal("SEC", (string?)fields["project"]!["key"]);
        Assert.Equal("Task", (string?)fields["issuetype"]!["name"]);
        Assert.Equal("2 new findings on web-01 (1 critical, 1 high)", (string?)fields["summary"]);
        Assert.True(JsonNode.DeepEquals(new JsonArray("vigil", "security", Label), fields["labels"]), fields["labels"]!.ToJsonString());
        Assert.Equal("doc", (string?)fields["description"]!["type"]);
        Assert.Contains("http://vigil.test/scans/s-1", fields["description"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creates_nothing_when_an_issue_already_carries_the_label()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Route = r => r.Method == "GET" ? new ScriptedResponse(200, """{"issues":[{"id":"10001","key":"SEC-1"}]}""") : new ScriptedResponse(201, "{}");

        await Channel(endpoint, "3", "bot@acme.test").SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.Equal("GET", Assert.Single(endpoint.Requests).Method);
    }

    [Fact]
    public async Task Data_center_v2_uses_a_bearer_token_the_search_endpoint_and_a_text_description()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Route = r => r.Method == "GET" ? new ScriptedResponse(200, """{"total":0,"issues":[]}""") : new ScriptedResponse(201, """{"key":"SEC-2"}""");

        await Channel(endpoint, "2", null).SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.Equal("/rest/api/2/search", endpoint.Requests[0].Path);
        Assert.Equal("Bearer jira-token-123", endpoint.Requests[0].Headers["Authorization"]);
        var description = (string?)JsonNode.Parse(endpoint.Requests[1].BodyText)!["fields"]!["description"];
        Assert.Equal(
            "• GHSA-jf85-cpcp-j695 (critical) pkg:npm/lodash@4.17.15\n• GHSA-p6mc-m468-83gw (high) pkg:npm/lodash@4.17.15 <app>\n\n" +
            "Severity: critical\nNode: web-01\nScan: s-1\n\nOpen in Vigil: http://vigil.test/scans/s-1\n", description);
    }

    [Fact]
    public async Task A_refused_create_fails_with_jiras_answer()
    {
        await using var endpoint = await HttpRecorder.StartAsync();
        endpoint.Route = r => r.Method == "GET" ? new ScriptedResponse(200, """{"issues":[]}""")
            : new ScriptedResponse(400, """{"errors":{"issuetype":"The issue type selected is invalid."}}""");

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(() => Channel(endpoint, "3", "bot@acme.test").SendAsync(Sample, TestContext.Current.CancellationToken));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("The issue type selected is invalid.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jira-token-123", error.Message, StringComparison.Ordinal);
    }
}
