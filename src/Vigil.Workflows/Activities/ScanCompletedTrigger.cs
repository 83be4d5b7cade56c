using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Starts the flow when a scan completes.</summary>
[Activity("Vigil.ScanCompleted", "Triggers", "Scan completed", Kind = ActivityKind.Trigger, TriggerEvent = "ScanCompleted",
    Description = "A scan finished successfully.")]
[ActivityOutput("event", ActivityValueType.Object, Description = "The ScanCompleted payload, with its summary.")]
public sealed class ScanCompletedTrigger : EventTriggerActivity;
