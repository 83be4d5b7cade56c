namespace Vigil.Scanning.Sources;

/// <summary>One path of a merged image: its metadata and, when a cataloger wanted it, its content.</summary>
internal sealed class LayerNode
{
    public required FileEntry Entry { get; init; }

    /// <summary>Content held in memory (small files).</summary>
    public byte[]? Bytes { get; set; }

    /// <summary>Content written to the scan's scratch space (large files).</summary>
    public string? ContentFile { get; set; }

    /// <summary>Index of the layer that wrote this path; whiteouts remove only lower layers' paths.</summary>
    public int Layer { get; init; }
}
