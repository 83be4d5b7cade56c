using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>The node an activity acts on: its <c>nodeId</c> input, else the trigger payload's <c>nodeId</c>.</summary>
internal static class NodeIds
{
    public static string Resolve(IActivityContext context)
    {
        if (context.GetInput<string>("nodeId") is { Length: > 0 } given)
        {
            return given;
        }

        return context.TriggerInput is { ValueKind: JsonValueKind.Object } input && input.TryGetProperty("nodeId", out var id)
            && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new InvalidOperationException("No nodeId input, and the trigger's payload has no nodeId.");
    }
}
