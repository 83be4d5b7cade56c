using System.Text.Json;

namespace Vigil.Scanning.Sources;

/// <summary>
/// Finds the layers of the image in an OCI layout (<c>index.json</c>, following nested indexes to the chosen platform)
/// or a docker-save archive (<c>manifest.json</c>). Manifests and layers addressed by digest are verified as read.
/// </summary>
public static class ImageLayoutReader
{
    /// <summary>The layers of the image in <paramref name="files"/>, bottom first.</summary>
    public static IReadOnlyList<ImageLayer> Layers(IImageFiles files, ImagePlatform platform)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Exists("index.json"))
        {
            return OciLayers(files, platform);
        }

        if (files.Exists("manifest.json"))
        {
            return DockerLayers(files);
        }

        throw new SourceException(files.Description, "neither an OCI layout (index.json) nor a docker archive (manifest.json)");
    }

    private static IReadOnlyList<ImageLayer> OciLayers(IImageFiles files, ImagePlatform platform)
    {
        using var index = ReadJson(files, "index.json", null);
        var descriptor = OciJson.SelectPlatform(OciJson.IndexEntries(index.RootElement, $"{files.Description}:index.json"), platform, files.Description);
        for (var depth = 0; depth < 4; depth++)
        {
            using var document = ReadJson(files, descriptor.LayoutPath, descriptor);
            var what = $"{files.Description}:{descriptor.Digest}";
            if (!descriptor.IsIndex && OciJson.MediaType(document.RootElement) is not (OciMediaTypes.ImageIndex or OciMediaTypes.DockerManifestList))
            {
                return OciJson.Layers(document.RootElement, what).Select(layer => Blob(files, layer)).ToArray();
            }

            descriptor = OciJson.SelectPlatform(OciJson.IndexEntries(document.RootElement, what), platform, what);
        }

        throw new SourceException(files.Description, "indexes nested more than 4 deep");
    }

    private static IReadOnlyList<ImageLayer> DockerLayers(IImageFiles files)
    {
        using var manifest = ReadJson(files, "manifest.json", null);
        var root = manifest.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            throw new SourceException($"{files.Description}:manifest.json", "expected a non-empty array of images");
        }

        if (!root[0].TryGetProperty("Layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
        {
            throw new SourceException($"{files.Description}:manifest.json", "image has no Layers");
        }

        return layers.EnumerateArray().Select(layer =>
        {
            var path = layer.GetString() ?? "";
            // Newer docker save writes OCI-style blob paths; those carry their digest and are verified.
            if (path.StartsWith("blobs/sha256/", StringComparison.Ordinal) && path.Length == 13 + 64)
            {
                return Blob(files, new OciDescriptor("", $"sha256:{path[13..]}", -1));
            }

            return new ImageLayer(path, -1, _ => Task.FromResult(files.Open(path)));
        }).ToArray();
    }

    private static ImageLayer Blob(IImageFiles files, OciDescriptor descriptor) =>
        new(descriptor.Digest, descriptor.Size, _ => Task.FromResult<Stream>(
            new DigestVerifyingStream(files.Open(descriptor.LayoutPath), descriptor.Digest, descriptor.Size, $"{files.Description}:{descriptor.Digest}")));

    private static JsonDocument ReadJson(IImageFiles files, string path, OciDescriptor? descriptor)
    {
        const int maxManifestBytes = 4 * 1024 * 1024;
        using var raw = files.Open(path);
        Stream stream = descriptor is null ? raw : new DigestVerifyingStream(raw, descriptor.Digest, descriptor.Size, $"{files.Description}:{descriptor.Digest}");
        using var capped = BoundedReadStream.Cap(stream, maxManifestBytes, $"{files.Description}:{path}");
        var buffer = new MemoryStream();
        capped.CopyTo(buffer);
        try
        {
            return JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException e)
        {
            throw new SourceException($"{files.Description}:{path}", $"not valid JSON: {e.Message}", e);
        }
    }
}
