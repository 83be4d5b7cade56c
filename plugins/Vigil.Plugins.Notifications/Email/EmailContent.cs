using System.Net;
using System.Text;
using MimeKit;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Notifications.Email;

/// <summary>The email: a plain-text part and an HTML part (multipart/alternative) with the same content.</summary>
public static class EmailContent
{
    public static MimeMessage Build(NotificationMessage message, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var mail = new MimeMessage { Subject = $"[Vigil] {message.Title.ReplaceLineEndings(" ")}" };
        mail.From.Add(options.From);
        mail.To.AddRange(options.To);
        if (message.DedupKey is { Length: > 0 })
        {
            mail.Headers.Add("X-Vigil-Dedup-Key", message.DedupKey);
        }

        mail.Body = new BodyBuilder { TextBody = Text(message), HtmlBody = Html(message) }.ToMessageBody();
        return mail;
    }

    public static string Text(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder().Append(message.Title).Append("\n\n").Append(message.Text).Append("\n\n");
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

    public static string Html(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;color:#1f2933\">");
        html.Append("<h2 style=\"margin:0 0 12px\">").Append(E(message.Title)).Append("</h2>");
        html.Append("<p>").Append(E(message.Text).ReplaceLineEndings("<br>")).Append("</p>");
        html.Append("<table style=\"border-collapse:collapse\">");
        html.Append(Row("Severity", SeverityText.Of(message.Severity)));
        foreach (var fact in message.Facts)
        {
            html.Append(Row(fact.Name, fact.Value));
        }

        html.Append("</table>");
        if (message.Link is { } link)
        {
            html.Append("<p><a href=\"").Append(E(link.AbsoluteUri)).Append("\">Open in Vigil</a></p>");
        }

        return html.Append("</body></html>").ToString();

        static string Row(string name, string value) =>
            $"<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">{WebUtility.HtmlEncode(name)}</th><td>{WebUtility.HtmlEncode(value)}</td></tr>";
    }
}
