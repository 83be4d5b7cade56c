using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Validation;

/// <summary>Whether a literal JSON value fits an input's declared type.</summary>
internal static class LiteralTypeCheck
{
    public static bool Fits(JsonElement value, ActivityValueType type) => value.ValueKind switch
    {
        // null means "not set": requiredness is checked separately.
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        _ => type switch
        {
            ActivityValueType.Any => true,
            ActivityValueType.String => value.ValueKind == JsonValueKind.String,
            ActivityValueType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            ActivityValueType.Number => value.ValueKind == JsonValueKind.Number,
            ActivityValueType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            ActivityValueType.Object => value.ValueKind == JsonValueKind.Object,
            ActivityValueType.Array => value.ValueKind == JsonValueKind.Array,
            _ => false,
        },
    };

    public static string Describe(ActivityValueType type) => type.ToString().ToLowerInvariant();
}
