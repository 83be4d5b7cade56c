namespace Vigil.Workflows.Model;

/// <summary>How an activity input's value is given in a definition.</summary>
public enum InputKind
{
    /// <summary>A JSON value used as is.</summary>
    Literal,

    /// <summary>A JavaScript expression (a string) evaluated just before the activity runs.</summary>
    Js,
}
