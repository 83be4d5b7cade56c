namespace Vigil.Plugins.Sdk.Activities;

/// <summary>
/// Declares the named outcomes an activity can complete with; connections leave an activity by outcome name.
/// An activity without this attribute has the single outcome <see cref="ActivityOutcomeNames.Done"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityOutcomesAttribute : Attribute
{
    /// <summary>Declares the fixed outcomes.</summary>
    /// <param name="outcomes">Outcome names, e.g. <c>True</c>, <c>False</c>.</param>
    public ActivityOutcomesAttribute(params string[] outcomes) => Outcomes = outcomes;

    /// <summary>The fixed outcome names.</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>
    /// Name of an input (a literal array of strings) whose items are further outcomes, for activities whose outcomes
    /// the flow author names (Switch cases, Fork branches).
    /// </summary>
    public string? DynamicOutcomesInput { get; set; }
}
