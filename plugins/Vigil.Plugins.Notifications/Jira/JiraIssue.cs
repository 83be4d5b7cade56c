using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Jira;

/// <summary>The fields of a new issue, for REST v2 (description as text) or v3 (description as an Atlassian document).</summary>
public static class JiraIssue
{
    private const int MaxSummary = 255;

    /// <summary>The label that marks the issue of one condition: labels cannot hold spaces, so it is a hash of the dedup key.</summary>
    public static string DedupLabel(string dedupKey) =>
        "vigil-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey)))[..16];

    public static JsonObject Create(string apiVersion, string projectKey, string issueType, IReadOnlyList<string> labels, NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = projectKey },
                ["issuetype"] = new JsonObject { ["name"] = issueType },
                ["summary"] = OneLine(message.Title),
                ["description"] = apiVersion == "2" ? PlainDescription(message) : DocumentDescription(message),
                ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]),
            },
        };
    }

    private static string OneLine(string title)
    {
        var line = title.ReplaceLineEndings(" ");
        return line.Length <= MaxSummary ? line : line[..(MaxSummary - 1)] + "…";
    }

    private static string PlainDescription(NotificationMessage message)
    {
        var text = new StringBuilder(message.Text).Append("\n\n");
        text.Append("Severity: ").Append(SeverityText.Of(message.Severity)).Append('\n');
        foreach (var fact in message.Facts)
        {
            text.Append(fact.Name).Append(": ").Append(fact.Value).Append('\n');
        }

        if (message.Link is { } link)
        {
            text.Append("\nOpen in Vigil: ").Append(link.AbsoluteUri).Append('\n');
        }

        return text.ToString();
    }

    private static JsonObject DocumentDescription(NotificationMessage message)
    {
        var content = new JsonArray { Paragraph(Text(message.Text)) };
        var items = new JsonArray { ListItem($"Severity: {SeverityText.Of(message.Severity)}") };
        foreach (var fact in message.Facts)
        {
            items.Add(ListItem($"{fact.Name}: {fact.Value}"));
        }

        content.Add(new JsonObject { ["type"] = "bulletList", ["content"] = items });
        if (message.Link is { } link)
        {
            var linkText = Text("Open in Vigil");
            linkText["marks"] = new JsonArray(new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = link.AbsoluteUri } });
            content.Add(Paragraph(linkText));
        }

        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text.Length == 0 ? " " : text };

    private static JsonObject Paragraph(JsonObject text) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(text) };

    private static JsonObject ListItem(string text) => new() { ["type"] = "listItem", ["content"] = new JsonArray(Paragraph(Text(text))) };
}
