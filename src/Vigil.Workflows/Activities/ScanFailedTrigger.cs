using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Starts the flow when a scan fails.</summary>
[Activity("Vigil.ScanFailed", "Triggers", "Scan failed", Kind = ActivityKind.Trigger, TriggerEvent = "ScanFailed",
    Description = "A scan failed.")]
[ActivityOutput("event", ActivityValueType.Object, Description = "The ScanFailed payload, with its error.")]
public sealed class ScanFailedTrigger : EventTriggerActivity;
