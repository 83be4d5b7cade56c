using System.Text.Json.Serialization;

namespace Vigil.Scanning.CycloneDx;

/// <summary>A CycloneDX component: a package (<c>library</c>), the OS (<c>operating-system</c>) or the scan subject.</summary>
public sealed class CycloneDxComponent
{
    [JsonPropertyName("bom-ref")]
    public string? BomRef { get; set; }

    public string Type { get; set; } = "library";

    public string? Group { get; set; }

    public string Name { get; set; } = "";

    public string? Version { get; set; }

    public string? Description { get; set; }

    public string? Purl { get; set; }

    public List<CycloneDxProperty>? Properties { get; set; }

    /// <summary>Nested components (Trivy and others nest packages under application components).</summary>
    public List<CycloneDxComponent>? Components { get; set; }
}
