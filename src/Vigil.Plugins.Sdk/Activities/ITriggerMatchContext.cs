using System.Text.Json;

namespace Vigil.Plugins.Sdk.Activities;

/// <summary>What a trigger sees when deciding whether an event starts its workflow.</summary>
public interface ITriggerMatchContext
{
    /// <summary>The event's payload.</summary>
    JsonElement Payload { get; }

    /// <summary>The value of an input (literal or evaluated expression) converted to <typeparamref name="T"/>; default when absent.</summary>
    T? GetInput<T>(string name);
}
