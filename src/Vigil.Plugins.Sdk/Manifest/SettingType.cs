namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>The value type of a setting (<c>type</c> in the schema).</summary>
public enum SettingType
{
    /// <summary><c>"string"</c>; with <c>enum</c> a choice, with <c>"secret": true</c> a password field.</summary>
    String,

    /// <summary><c>"integer"</c>.</summary>
    Integer,

    /// <summary><c>"number"</c>.</summary>
    Number,

    /// <summary><c>"boolean"</c>.</summary>
    Boolean,

    /// <summary><c>"array"</c> with <c>"items": {"type": "string"}</c>: a list of strings, one per line in the form.</summary>
    StringList,
}
