namespace Vigil.Plugins.Sdk.Activities;

/// <summary>
/// Declares one input of an activity. In a definition each input is either a literal JSON value or a JavaScript
/// expression evaluated just before the activity runs; the activity reads the result with
/// <see cref="IActivityContext.GetInput{T}(string)"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ActivityInputAttribute : Attribute
{
    /// <summary>Declares an input.</summary>
    /// <param name="name">camelCase name used in definition JSON.</param>
    /// <param name="type">The JSON type of the value.</param>
    public ActivityInputAttribute(string name, ActivityValueType type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>camelCase input name.</summary>
    public string Name { get; }

    /// <summary>The JSON type of the value.</summary>
    public ActivityValueType Type { get; }

    /// <summary>Label shown in the properties panel; defaults to the name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Help text shown under the editor.</summary>
    public string Description { get; set; } = "";

    /// <summary>A definition without this input is invalid.</summary>
    public bool Required { get; set; }

    /// <summary>The value is a secret: the journal records it as <c>***</c>.</summary>
    public bool Secret { get; set; }

    /// <summary>
    /// Editor hint for the designer: <c>multiline</c>, <c>code</c>, <c>duration</c>, <c>cron</c>, <c>node-picker</c>,
    /// <c>label-picker</c>, <c>policy-picker</c>, <c>notification-channel-picker</c>, <c>key-value</c>, <c>list</c>.
    /// </summary>
    public string? UIHint { get; set; }

    /// <summary>Allowed values, when the input is a choice (rendered as a drop-down).</summary>
    public string[]? Options { get; set; }

    /// <summary>Value used when the definition omits the input, as JSON text (e.g. <c>"\"info\""</c> or <c>"3"</c>).</summary>
    public string? DefaultJson { get; set; }
}
