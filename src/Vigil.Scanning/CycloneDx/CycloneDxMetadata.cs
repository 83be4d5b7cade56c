using System.Text.Json;

namespace Vigil.Scanning.CycloneDx;

/// <summary>BOM metadata: when, by which tool, about which subject.</summary>
public sealed class CycloneDxMetadata
{
    public string? Timestamp { get; set; }

    /// <summary>
    /// Kept as raw JSON: CycloneDX 1.4 writes an array of tools, 1.5+ an object with <c>components</c>; the reader needs neither.
    /// </summary>
    public JsonElement? Tools { get; set; }

    /// <summary>The scanned subject (an image, a directory).</summary>
    public CycloneDxComponent? Component { get; set; }
}
