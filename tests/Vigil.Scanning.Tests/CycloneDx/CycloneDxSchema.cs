using NJsonSchema;

namespace Vigil.Scanning.Tests.CycloneDx;

/// <summary>The CycloneDX 1.6 JSON schema (with its spdx and jsf references) loaded once from the files in the repo.</summary>
public static class CycloneDxSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "CycloneDx", "Schemas", "bom-1.6.schema.json")));

    /// <summary>Validation errors of <paramref name="json"/> against the schema, empty when valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string json)
    {
        var schema = await Schema.Value;
        return schema.Validate(json).Select(e => e.ToString()).ToArray();
    }
}
