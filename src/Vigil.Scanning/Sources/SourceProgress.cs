namespace Vigil.Scanning.Sources;

/// <summary>Progress while an image's layers are read or pulled.</summary>
/// <param name="Layer">The layer's digest or path.</param>
/// <param name="Index">1-based position of the layer.</param>
/// <param name="Count">Number of layers.</param>
/// <param name="Bytes">Compressed bytes of the layer read so far.</param>
public readonly record struct SourceProgress(string Layer, int Index, int Count, long Bytes);
