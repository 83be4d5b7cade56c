namespace Vigil.Scanning.Sources;

/// <summary>An OCI content descriptor: what a blob is, its digest and size, and for index entries its platform.</summary>
/// <param name="MediaType">Media type (manifest, index, layer, config).</param>
/// <param name="Digest"><c>sha256:HEX</c>.</param>
/// <param name="Size">Size in bytes as declared; blobs are checked against it.</param>
/// <param name="Platform">Platform of an index entry, or null.</param>
public sealed record OciDescriptor(string MediaType, string Digest, long Size, ImagePlatform? Platform = null)
{
    /// <summary>Whether this descriptor points at an index or manifest list rather than an image manifest.</summary>
    public bool IsIndex => MediaType is OciMediaTypes.ImageIndex or OciMediaTypes.DockerManifestList;

    /// <summary>The blob's path inside an OCI layout (<c>blobs/sha256/HEX</c>).</summary>
    public string LayoutPath => $"blobs/{Digest.Replace(':', '/')}";
}
