using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Registry;

/// <summary>An image manifest fetched for one platform: its digest and layers.</summary>
/// <param name="Reference">The reference it was resolved from.</param>
/// <param name="ManifestDigest">Digest of the image manifest (not of an index).</param>
/// <param name="Config">The config blob's descriptor.</param>
/// <param name="Layers">Layer descriptors, bottom first.</param>
public sealed record ResolvedImage(ImageReference Reference, string ManifestDigest, OciDescriptor? Config, IReadOnlyList<OciDescriptor> Layers);
