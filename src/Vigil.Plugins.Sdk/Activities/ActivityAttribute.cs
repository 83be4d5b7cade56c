namespace Vigil.Plugins.Sdk.Activities;

/// <summary>
/// Declares a class implementing <see cref="IWorkflowActivity"/> as a workflow activity and describes it for the activity
/// palette. The <see cref="Type"/> is what definition JSON stores in <c>activities[].type</c>; never change it once published.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute : Attribute
{
    /// <summary>Declares an activity.</summary>
    /// <param name="type">Stable, globally unique type name, e.g. <c>Acme.OpenTicket</c>.</param>
    /// <param name="category">Palette group, e.g. <c>Flow</c>, <c>Nodes</c>, <c>Triggers</c>.</param>
    /// <param name="displayName">Name shown to people.</param>
    public ActivityAttribute(string type, string category, string displayName)
    {
        Type = type;
        Category = category;
        DisplayName = displayName;
    }

    /// <summary>Stable type name stored in definitions.</summary>
    public string Type { get; }

    /// <summary>Palette group.</summary>
    public string Category { get; }

    /// <summary>Name shown to people.</summary>
    public string DisplayName { get; }

    /// <summary>One or two sentences shown in the palette and the properties panel.</summary>
    public string Description { get; set; } = "";

    /// <summary>Action (default) or trigger.</summary>
    public ActivityKind Kind { get; set; } = ActivityKind.Action;

    /// <summary>
    /// For a trigger: the event type that starts its workflow, e.g. <c>NodeRegistered</c>. The engine indexes published
    /// triggers by it so an event reaches its workflows without loading every definition.
    /// </summary>
    public string? TriggerEvent { get; set; }

    /// <summary>
    /// The activity may suspend its instance on a bookmark (wait for an event, a time or a person). Validation accepts a
    /// cycle in a flow only when one of its activities can suspend, so a loop always yields.
    /// </summary>
    public bool CanSuspend { get; set; }
}
