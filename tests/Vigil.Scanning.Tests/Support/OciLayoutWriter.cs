using System.Security.Cryptography;
using System.Text;

namespace Vigil.Scanning.Tests.Support;

/// <summary>Writes an OCI image layout from layer blobs, with correct digests unless a test asks for a wrong one.</summary>
public static class OciLayoutWriter
{
    public static string Write(string directory, IReadOnlyList<byte[]> layerBlobs, Func<int, string?>? digestOverride = null)
    {
        Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var config = Blob(directory, Encoding.UTF8.GetBytes("""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}"""));
        var layers = layerBlobs.Select((blob, i) =>
        {
            var digest = Blob(directory, blob);
            return $$"""{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{digestOverride?.Invoke(i) ?? digest}}","size":{{blob.Length}}}""";
        });
        var manifest = Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{config}}","size":0},
             "layers":[{{string.Join(',', layers)}}]}
            """);
        var manifestDigest = Blob(directory, manifest);
        File.WriteAllText(Path.Combine(directory, "index.json"), $$$"""
            {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{manifestDigest}}}","size":{{{manifest.Length}}},
              "platform":{"os":"linux","architecture":"amd64"}}]}
            """);
        return directory;
    }

    private static string Blob(string directory, byte[] content)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(content));
        File.WriteAllBytes(Path.Combine(directory, "blobs", "sha256", hex), content);
        return $"sha256:{hex}";
    }
}
