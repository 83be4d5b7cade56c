using System.Text.Json;

namespace Vigil.Plugins.Sdk.Activities;

/// <summary>What a trigger sees when deciding whether an event starts its workflow.</summary>
public interface ITriggerMatchContext
{
    /// <summary>The definition whose trigger is asked.</summary>
    string DefinitionId { get; }

    /// <summary>The trigger activity's id in that definition.</summary>
    string ActivityId { get; }

    /// <summary>The event's payload.</summary>
    JsonElement Payload { get; }

    /// <summary>The value of an input (literal or evaluated expression) converted to <typeparamref name="T"/>; default when absent.</summary>
    T? GetInput<T>(string name);
}
