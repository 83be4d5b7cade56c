namespace Vigil.Plugins.Sdk.Notifications;

/// <summary>A rendered event to deliver.</summary>
/// <param name="Title">One line, e.g. "3 new critical findings on web-01".</param>
/// <param name="Text">Body as plain text (Markdown-safe: no markup the channel must interpret).</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Link">Where to look in the console, or null.</param>
/// <param name="Facts">Name/value pairs shown as a table or fields, in order.</param>
/// <param name="DedupKey">Stable key of the condition (a repeat updates rather than duplicates where the channel can), or null.</param>
public sealed record NotificationMessage(
    string Title,
    string Text,
    NotificationSeverity Severity,
    Uri? Link,
    IReadOnlyList<NotificationFact> Facts,
    string? DedupKey);
