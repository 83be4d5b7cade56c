using System.Text.Json;

namespace Vigil.Scanning.Sources;

/// <summary>Parses OCI and Docker index and manifest JSON into descriptors, tolerating both vocabularies.</summary>
public static class OciJson
{
    /// <summary>Media type of a manifest document (its <c>mediaType</c>, or inferred from its shape).</summary>
    public static string MediaType(JsonElement root) =>
        root.TryGetProperty("mediaType", out var m) && m.GetString() is { Length: > 0 } type
            ? type
            : root.TryGetProperty("manifests", out _) ? OciMediaTypes.ImageIndex : OciMediaTypes.ImageManifest;

    /// <summary>The <c>manifests</c> of an index or manifest list.</summary>
    public static IReadOnlyList<OciDescriptor> IndexEntries(JsonElement root, string what) =>
        root.TryGetProperty("manifests", out var manifests) && manifests.ValueKind == JsonValueKind.Array
            ? manifests.EnumerateArray().Select(d => Descriptor(d, what)).ToArray()
            : throw new SourceException(what, "index has no manifests");

    /// <summary>The <c>layers</c> of an image manifest, bottom first.</summary>
    public static IReadOnlyList<OciDescriptor> Layers(JsonElement root, string what) =>
        root.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array
            ? layers.EnumerateArray().Select(d => Descriptor(d, what)).ToArray()
            : throw new SourceException(what, "manifest has no layers (schema 1 manifests are not supported)");

    /// <summary>Chooses the manifest for <paramref name="platform"/> from an index.</summary>
    public static OciDescriptor SelectPlatform(IReadOnlyList<OciDescriptor> entries, ImagePlatform platform, string what)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(platform);
        // Attestation manifests (buildkit's unknown/unknown) are never images to scan.
        var images = entries.Where(e => e.Platform is null || e.Platform.Os != "unknown").ToArray();
        if (images.Length == 1 && images[0].Platform is null)
        {
            return images[0];
        }

        return images.FirstOrDefault(e => platform.Matches(e.Platform))
            ?? throw new SourceException(what, $"no manifest for platform {platform} (has: {string.Join(", ", images.Select(e => e.Platform?.ToString() ?? "unspecified"))})");
    }

    private static OciDescriptor Descriptor(JsonElement d, string what)
    {
        if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("digest", out var digest) || digest.GetString() is not { } text)
        {
            throw new SourceException(what, "descriptor without a digest");
        }

        ImagePlatform? platform = null;
        if (d.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            platform = new ImagePlatform(
                p.TryGetProperty("os", out var os) ? os.GetString() ?? "" : "",
                p.TryGetProperty("architecture", out var arch) ? arch.GetString() ?? "" : "",
                p.TryGetProperty("variant", out var variant) ? variant.GetString() : null);
        }

        var mediaType = d.TryGetProperty("mediaType", out var m) ? m.GetString() ?? "" : "";
        var size = d.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : -1;
        return new OciDescriptor(mediaType, text, size, platform);
    }
}
