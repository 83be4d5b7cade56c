using System.IO.Compression;
using ZstdSharp;

namespace Vigil.Scanning.Sources;

/// <summary>
/// Opens a layer blob as a tar stream whatever its compression. The magic bytes decide, not the media type: docker
/// archives often carry gzip layers under a plain-tar name and registries mislabel.
/// </summary>
public static class LayerDecompression
{
    /// <summary>Wraps <paramref name="blob"/> (gzip, zstd or plain tar) in a decompressing stream; works on non-seekable streams.</summary>
    public static Stream Open(Stream blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var magic = new byte[4];
        var peeked = blob.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        var stream = new PrefixedStream(magic.AsMemory(0, peeked), blob);
        if (peeked >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            return new GZipStream(stream, CompressionMode.Decompress);
        }

        if (peeked >= 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd)
        {
            return new DecompressionStream(stream);
        }

        return stream;
    }
}
