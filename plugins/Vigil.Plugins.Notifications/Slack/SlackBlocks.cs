using System.Text.Json.Nodes;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Slack;

/// <summary>
/// The Block Kit payload: a header, the text, the facts as fields (Slack shows at most 10 per section), a context line
/// with the severity, and an "Open in Vigil" button. <c>text</c> is the fallback for notifications and old clients.
/// </summary>
public static class SlackBlocks
{
    private const int MaxFieldsPerSection = 10;
    private const int MaxHeader = 150;
    private const int MaxSectionText = 3000;

    public static JsonObject Build(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Cut(message.Title, MaxHeader)) },
            new JsonObject { ["type"] = "section", ["text"] = Markdown(Cut(Escape(message.Text), MaxSectionText)) },
        };
        foreach (var chunk in message.Facts.Chunk(MaxFieldsPerSection))
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. chunk.Select(f => (JsonNode)Markdown($"*{Escape(f.Name)}*\n{Escape(f.Value)}"))]),
            });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(Markdown($"Severity: *{SeverityText.Of(message.Severity)}* · Vigil")),
        });
        if (message.Link is { } link)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["type"] = "button",
                    ["text"] = PlainText("Open in Vigil"),
                    ["url"] = link.AbsoluteUri,
                }),
            });
        }

        return new JsonObject { ["text"] = Escape(message.Title), ["blocks"] = blocks };
    }

    /// <summary>Slack's mrkdwn needs only &amp;, &lt; and &gt; escaped.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
