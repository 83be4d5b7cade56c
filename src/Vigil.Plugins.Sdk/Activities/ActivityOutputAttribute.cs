namespace Vigil.Plugins.Sdk.Activities;

/// <summary>
/// Declares one output of an activity. Later activities read it in expressions as
/// <c>activities.&lt;activityId&gt;.outputs.&lt;name&gt;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ActivityOutputAttribute : Attribute
{
    /// <summary>Declares an output.</summary>
    /// <param name="name">camelCase output name.</param>
    /// <param name="type">The JSON type of the value.</param>
    public ActivityOutputAttribute(string name, ActivityValueType type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>camelCase output name.</summary>
    public string Name { get; }

    /// <summary>The JSON type of the value.</summary>
    public ActivityValueType Type { get; }

    /// <summary>What the value means.</summary>
    public string Description { get; set; } = "";

    /// <summary>The value is a secret: the journal records it as <c>***</c>.</summary>
    public bool Secret { get; set; }
}
