using System.Text.Json.Serialization;

namespace Vigil.Scanning.CycloneDx;

/// <summary>The subset of a CycloneDX 1.6 JSON BOM that Vigil writes and reads.</summary>
public sealed class CycloneDxBom
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string BomFormat { get; set; } = "CycloneDX";

    public string SpecVersion { get; set; } = "1.6";

    public string? SerialNumber { get; set; }

    public int Version { get; set; } = 1;

    public CycloneDxMetadata? Metadata { get; set; }

    public List<CycloneDxComponent>? Components { get; set; }
}
