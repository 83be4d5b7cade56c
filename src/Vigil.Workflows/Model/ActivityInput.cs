using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Workflows.Model;

/// <summary>One input of an activity in a definition: <c>{"kind":"literal"|"js","value":...}</c>.</summary>
/// <param name="Kind">Literal JSON or JavaScript expression.</param>
/// <param name="Value">The literal value, or the expression's source text as a JSON string.</param>
public sealed record ActivityInput(InputKind Kind, JsonElement Value)
{
    /// <summary>A literal input from any value serializable to JSON.</summary>
    public static ActivityInput Literal(object? value) =>
        new(InputKind.Literal, JsonSerializer.SerializeToElement(value, WorkflowJson.Options));

    /// <summary>A JavaScript expression input.</summary>
    public static ActivityInput Js(string expression) =>
        new(InputKind.Js, JsonSerializer.SerializeToElement(expression));

    /// <summary>The expression's source text when <see cref="Kind"/> is <see cref="InputKind.Js"/>.</summary>
    [JsonIgnore]
    public string? Expression => Kind == InputKind.Js && Value.ValueKind == JsonValueKind.String ? Value.GetString() : null;
}
