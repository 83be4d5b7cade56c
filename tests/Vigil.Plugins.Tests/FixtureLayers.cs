using System.Text.Json;
using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>The container image fixture's layers: every dated copy in the test registries shares them (configs differ).</summary>
public static class FixtureLayers
{
    private static readonly Lazy<string[]> LayerDigests = new(() =>
    {
        var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContainerImageFixture.OciLayout, "index.json"))).RootElement;
        var manifestDigest = index.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContainerImageFixture.OciLayout, "blobs", "sha256", manifestDigest[7..]))).RootElement;
        return manifest.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!).ToArray();
    });

    public static string[] Digests => LayerDigests.Value;

    /// <summary>Whether a blob path of a registry request is one of the layers (a pull, not a listing's config read).</summary>
    public static bool IsLayer(string blobPath) => Digests.Any(d => blobPath.EndsWith(d, StringComparison.Ordinal));
}
