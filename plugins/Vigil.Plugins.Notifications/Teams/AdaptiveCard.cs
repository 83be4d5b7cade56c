using System.Text.Json.Nodes;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Teams;

/// <summary>
/// The message a Teams workflow webhook ("Post to a channel when a webhook request is received") expects: a
/// <c>message</c> with one Adaptive Card attachment holding the title, the text, the facts and an "Open in Vigil" action.
/// </summary>
public static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Build(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = message.Title,
                ["size"] = "Large",
                ["weight"] = "Bolder",
                ["wrap"] = true,
                ["color"] = SeverityText.IsUrgent(message.Severity) ? "Attention" : "Default",
            },
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Text, ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([
                    new JsonObject { ["title"] = "Severity", ["value"] = SeverityText.Of(message.Severity) },
                    .. message.Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Name, ["value"] = f.Value }),
                ]),
            },
        };
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.4", ["body"] = body };
        if (message.Link is { } link)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in Vigil", ["url"] = link.AbsoluteUri });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = ContentType, ["contentUrl"] = null, ["content"] = card }),
        };
    }
}
