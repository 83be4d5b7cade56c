using System.Text.Json;

namespace Vigil.Core.Nodes;

/// <summary>One event on a node's timeline: its type (e.g. <c>ScanCompleted</c>) and the event's JSON payload.</summary>
public sealed record NodeTimelineEntry(string EventId, string Type, DateTimeOffset OccurredAt, JsonElement Payload);
