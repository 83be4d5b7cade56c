using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Starts the flow when the advisory feeds change.</summary>
[Activity("Vigil.FeedUpdated", "Triggers", "Feed updated", Kind = ActivityKind.Trigger, TriggerEvent = "FeedUpdated",
    Description = "A new advisory snapshot was imported.")]
[ActivityOutput("event", ActivityValueType.Object, Description = "The FeedUpdated payload: snapshotId and counts.")]
public sealed class FeedUpdatedTrigger : EventTriggerActivity;
