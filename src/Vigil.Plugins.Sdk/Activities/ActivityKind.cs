namespace Vigil.Plugins.Sdk.Activities;

/// <summary>Whether an activity does work inside a flow or starts flows from events.</summary>
public enum ActivityKind
{
    /// <summary>Runs when a preceding activity schedules it.</summary>
    Action,

    /// <summary>Starts a new instance when its event arrives; the flow's entry point (as in Elsa 3, triggers are activities in the graph).</summary>
    Trigger,
}
