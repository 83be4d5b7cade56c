namespace Vigil.Plugins.Sdk.Activities;

/// <summary>The JSON type of an activity input or output; the designer renders its editor from it and validation checks literals against it.</summary>
public enum ActivityValueType
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number (integer or fraction).</summary>
    Number,

    /// <summary>A JSON number without a fraction.</summary>
    Integer,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,

    /// <summary>Any JSON value.</summary>
    Any,
}
