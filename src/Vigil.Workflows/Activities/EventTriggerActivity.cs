using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>
/// Common behaviour of the built-in event triggers: when the instance starts, the trigger publishes the event payload as
/// its <c>event</c> output and completes with Done. Subclasses add filters.
/// </summary>
public abstract class EventTriggerActivity : IWorkflowTrigger
{
    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetOutput("event", context.TriggerInput);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public virtual bool Matches(ITriggerMatchContext context) => true;

    /// <summary>A string property of an event payload, or null.</summary>
    protected static string? TextOf(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
