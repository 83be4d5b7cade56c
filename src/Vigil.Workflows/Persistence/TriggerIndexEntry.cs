namespace Vigil.Workflows.Persistence;

/// <summary>A trigger of an enabled, published definition version, as indexed by event type.</summary>
/// <param name="DefinitionId">The definition.</param>
/// <param name="Version">Its published version.</param>
/// <param name="ActivityId">The trigger activity.</param>
/// <param name="ActivityType">The trigger's type.</param>
/// <param name="EventType">The event that starts it.</param>
/// <param name="InputsJson">The trigger's definition inputs, so filters run without loading the definition.</param>
public sealed record TriggerIndexEntry(
    string DefinitionId,
    int Version,
    string ActivityId,
    string ActivityType,
    string EventType,
    string InputsJson);
