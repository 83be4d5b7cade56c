using System.Text.Json;

namespace Vigil.Plugins.Sdk.Activities;

/// <summary>
/// Asks the engine to suspend the current activity until an event named <paramref name="EventName"/> (and, when given,
/// carrying <paramref name="CorrelationKey"/>) arrives, or until <paramref name="DueAt"/>. The bookmark survives restarts
/// and is resumed exactly once.
/// </summary>
/// <param name="EventName">Event that resumes the bookmark, e.g. <c>ScanFinished</c> or <c>Approval</c>.</param>
/// <param name="CorrelationKey">Narrows the event to one subject, e.g. a scan id; null matches any event of that name.</param>
/// <param name="DueAt">For timers: the time at which the bookmark is resumed without an event.</param>
/// <param name="Payload">Data kept with the bookmark and shown to people (e.g. an approval's question).</param>
public sealed record BookmarkRequest(
    string EventName,
    string? CorrelationKey = null,
    DateTimeOffset? DueAt = null,
    JsonElement? Payload = null);
