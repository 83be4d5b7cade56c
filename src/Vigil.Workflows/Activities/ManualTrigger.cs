using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Starts the flow from the dashboard or the API with an input object; no domain event starts it.</summary>
[Activity("Vigil.Manual", "Triggers", "Manual start", Kind = ActivityKind.Trigger, TriggerEvent = "Manual",
    Description = "Started by a person or a script, with input.")]
[ActivityOutput("event", ActivityValueType.Object, Description = "The start input.")]
public sealed class ManualTrigger : EventTriggerActivity
{
    /// <inheritdoc />
    public override bool Matches(ITriggerMatchContext context) => false;
}
