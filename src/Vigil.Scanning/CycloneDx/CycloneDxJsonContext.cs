using System.Text.Json.Serialization;

namespace Vigil.Scanning.CycloneDx;

/// <summary>Source-generated serializer for the CycloneDX model: no reflection, camelCase, nulls omitted as the schema wants.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(CycloneDxBom))]
internal sealed partial class CycloneDxJsonContext : JsonSerializerContext;
