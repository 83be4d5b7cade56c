using System.Text.Json;

namespace Vigil.Workflows.Expressions;

/// <summary>
/// What an expression sees (CONTRACTS.md §10): <c>variables</c>, <c>input</c> (the trigger's payload) and
/// <c>activities.&lt;id&gt;.outputs</c>. Each is given as JSON so nothing of the CLR leaks into the script.
/// </summary>
/// <param name="VariablesJson">A JSON object of variables.</param>
/// <param name="InputJson">The trigger payload as JSON.</param>
/// <param name="ActivitiesJson">A JSON object <c>{id: {outputs: {...}}}</c>.</param>
public sealed record ExpressionScope(string VariablesJson, string InputJson, string ActivitiesJson)
{
    /// <summary>An empty scope.</summary>
    public static ExpressionScope Empty { get; } = new("{}", "null", "{}");

    /// <summary>A scope from JSON elements.</summary>
    public static ExpressionScope From(JsonElement? variables, JsonElement? input, JsonElement? activities) => new(
        variables?.GetRawText() ?? "{}",
        input?.GetRawText() ?? "null",
        activities?.GetRawText() ?? "{}");
}
