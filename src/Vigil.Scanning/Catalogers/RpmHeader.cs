using System.Buffers.Binary;
using System.Text;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// An RPM header blob as rpmdb stores it: big-endian index count and data length, 16-byte index entries
/// (tag, type, offset, count), then the data store. Only the string and int32 tags a package identity needs are read;
/// every offset is bounds-checked because the blob comes from the scanned, possibly hostile, tree.
/// </summary>
public sealed class RpmHeader
{
    public const int TagName = 1000;
    public const int TagVersion = 1001;
    public const int TagRelease = 1002;
    public const int TagEpoch = 1003;
    public const int TagArch = 1022;
    public const int TagSourceRpm = 1044;

    private const int TypeInt32 = 4;
    private const int TypeString = 6;
    private const int TypeI18nString = 9;

    private readonly Dictionary<int, string> _strings = [];
    private readonly Dictionary<int, int> _ints = [];

    private RpmHeader()
    {
    }

    /// <summary>Parses a header blob.</summary>
    /// <exception cref="InvalidDataException">The blob is truncated or its index points outside it.</exception>
    public static RpmHeader Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8)
        {
            throw new InvalidDataException("rpm header shorter than its preamble");
        }

        var indexCount = BinaryPrimitives.ReadInt32BigEndian(blob);
        var dataLength = BinaryPrimitives.ReadInt32BigEndian(blob[4..]);
        if (indexCount is < 0 or > 100_000 || dataLength < 0 || 8L + (16L * indexCount) + dataLength > blob.Length)
        {
            throw new InvalidDataException("rpm header index or data length exceeds the blob");
        }

        var data = blob.Slice(8 + (16 * indexCount), dataLength);
        var header = new RpmHeader();
        for (var i = 0; i < indexCount; i++)
        {
            var entry = blob.Slice(8 + (16 * i), 16);
            var tag = BinaryPrimitives.ReadInt32BigEndian(entry);
            var type = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadInt32BigEndian(entry[8..]);
            if (tag is not (TagName or TagVersion or TagRelease or TagEpoch or TagArch or TagSourceRpm) || offset < 0 || offset >= data.Length)
            {
                continue;
            }

            if (type is TypeString or TypeI18nString)
            {
                var rest = data[offset..];
                var end = rest.IndexOf((byte)0);
                header._strings[tag] = Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
            }
            else if (type == TypeInt32 && offset + 4 <= data.Length)
            {
                header._ints[tag] = BinaryPrimitives.ReadInt32BigEndian(data[offset..]);
            }
        }

        return header;
    }

    /// <summary>A string tag's value, or null.</summary>
    public string? String(int tag) => _strings.GetValueOrDefault(tag);

    /// <summary>An int32 tag's value, or null.</summary>
    public int? Int32(int tag) => _ints.TryGetValue(tag, out var value) ? value : null;
}
