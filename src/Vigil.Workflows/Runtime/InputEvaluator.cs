using System.Text.Json;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Expressions;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Runtime;

/// <summary>Turns an activity's definition inputs (literals and expressions) into values, just before it runs.</summary>
internal static class InputEvaluator
{
    public static Dictionary<string, JsonElement> Evaluate(
        ActivityNode node,
        ActivityDescriptor descriptor,
        IExpressionEvaluator expressions,
        Func<ExpressionScope> scope,
        CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        ExpressionScope? builtScope = null;
        foreach (var declared in descriptor.Inputs)
        {
            if (node.InputsOrEmpty.TryGetValue(declared.Name, out var input))
            {
                if (input.Kind == InputKind.Js)
                {
                    builtScope ??= scope();
                    try
                    {
                        values[declared.Name] = expressions.Evaluate(input.Expression ?? "", builtScope, cancellationToken);
                    }
                    catch (ExpressionException ex)
                    {
                        throw new ExpressionException($"Input '{declared.Name}' of activity '{node.Id}': {ex.Message}", ex);
                    }
                }
                else
                {
                    values[declared.Name] = input.Value;
                }
            }
            else if (declared.Default is { } fallback)
            {
                values[declared.Name] = fallback;
            }
        }

        return values;
    }

    /// <summary>Journal form: secrets replaced by <c>***</c>.</summary>
    public static string Redact(IReadOnlyDictionary<string, JsonElement> values, Func<string, bool> isSecret)
    {
        var redacted = values.ToDictionary(
            kv => kv.Key,
            kv => isSecret(kv.Key) ? JsonSerializer.SerializeToElement("***") : kv.Value,
            StringComparer.Ordinal);
        return JsonSerializer.Serialize(redacted, WorkflowJson.Options);
    }
}
