using System.Text.Json.Serialization;

namespace Vigil.Core.Events;

/// <summary>
/// A fact about a state change (contracts §4), written to the outbox in the same transaction as the change and
/// published in-process at least once. Subscribers deduplicate by <see cref="Id"/>.
/// </summary>
public abstract record DomainEvent
{
    /// <summary>The event's name, e.g. <c>NodeRegistered</c>: the record's type name.</summary>
    [JsonPropertyOrder(-10)]
    public string Type => GetType().Name;

    [JsonPropertyOrder(-9)]
    public string Id { get; init; } = Guid.CreateVersion7().ToString("N");

    [JsonPropertyOrder(-8)]
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Payload schema version of this event type.</summary>
    [JsonPropertyOrder(-7)]
    public int Version { get; init; } = 1;
}
