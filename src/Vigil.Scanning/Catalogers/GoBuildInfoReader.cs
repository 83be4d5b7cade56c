using System.Buffers.Binary;
using System.Text;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Reads the <c>.go.buildinfo</c> blob of an ELF Go binary (Go 1.18+ layout: a 32-byte header starting with
/// <c>"\xff Go buildinf:"</c>, flag bit 2 set, then the Go version and the module info as varint-prefixed strings).
/// The section is found through the section headers; for stripped headers the file is searched for the magic on the
/// 16-byte alignment the linker uses. Older binaries (pointer layout, Go ≤ 1.17) are reported as not readable.
/// </summary>
public static class GoBuildInfoReader
{
    private static readonly byte[] Magic = [0xff, .." Go buildinf:"u8];

    /// <summary>Largest binary searched without section headers; bigger ones are read through their headers only.</summary>
    public const long MaxScanBytes = 512L * 1024 * 1024;

    /// <summary>Returns the build info of the ELF binary in <paramref name="stream"/>, or null when it is not a Go binary.</summary>
    public static GoBuildInfo? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> ident = stackalloc byte[64];
        if (ReadAt(stream, 0, ident) < 64 || ident[0] != 0x7f || ident[1] != (byte)'E' || ident[2] != (byte)'L' || ident[3] != (byte)'F')
        {
            return null;
        }

        // With section headers the linker's .go.buildinfo section is authoritative; only header-less (sstrip'd)
        // binaries are searched, since reading every large ELF library end to end would dominate a host scan.
        var offset = HasSectionHeaders(ident) ? FindSection(stream, ident) : ScanForMagic(stream);
        if (offset is null)
        {
            return null;
        }

        var header = new byte[32];
        if (ReadAt(stream, offset.Value, header) < 32 || !header.AsSpan(0, 14).SequenceEqual(Magic) || (header[15] & 2) == 0)
        {
            return null;
        }

        // Two varint-prefixed strings follow the header; module info is at most a few hundred KiB in practice.
        var body = new byte[Math.Min(4 * 1024 * 1024, Math.Max(0, stream.Length - offset.Value - 32))];
        var read = ReadAt(stream, offset.Value + 32, body);
        var span = body.AsSpan(0, read);
        var goVersion = ReadString(ref span);
        var modInfo = ReadString(ref span);
        return goVersion is null ? null : Parse(goVersion, modInfo ?? "");
    }

    /// <summary>Parses the module info text (lines <c>path</c>, <c>mod</c>, <c>dep</c>, <c>=&gt;</c>, <c>build</c>).</summary>
    public static GoBuildInfo Parse(string goVersion, string modInfo)
    {
        ArgumentNullException.ThrowIfNull(modInfo);
        // The linker wraps module info in 16-byte sentinels; they hold no text worth keeping.
        if (modInfo.Length >= 33 && modInfo[^17] == '\n')
        {
            modInfo = modInfo[16..^16];
        }

        string? main = null, mainVersion = null;
        var dependencies = new List<(string Path, string Version)>();
        foreach (var line in modInfo.Split('\n'))
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "mod" when fields.Length >= 3:
                    (main, mainVersion) = (fields[1], fields[2]);
                    break;
                case "dep" when fields.Length >= 3:
                    dependencies.Add((fields[1], fields[2]));
                    break;
                case "=>" when fields.Length >= 3 && dependencies.Count > 0:
                    // A replacement applies to the dependency on the line before it.
                    dependencies[^1] = (fields[1], fields[2]);
                    break;
            }
        }

        return new GoBuildInfo(goVersion, main, mainVersion, dependencies);
    }

    private static bool HasSectionHeaders(ReadOnlySpan<byte> ident)
    {
        var is64 = ident[4] == 2;
        var little = ident[5] == 1;
        return U16(is64 ? ident[0x3C..] : ident[0x30..], little) > 0;
    }

    private static long? FindSection(Stream stream, ReadOnlySpan<byte> ident)
    {
        var is64 = ident[4] == 2;
        var little = ident[5] == 1;
        var shoff = is64 ? (long)U64(ident[0x28..], little) : U32(ident[0x20..], little);
        int shentsize = U16(is64 ? ident[0x3A..] : ident[0x2E..], little);
        int shnum = U16(is64 ? ident[0x3C..] : ident[0x30..], little);
        int shstrndx = U16(is64 ? ident[0x3E..] : ident[0x32..], little);
        if (shoff <= 0 || shnum is 0 or > 4096 || shentsize < (is64 ? 64 : 40) || shstrndx >= shnum || shoff > stream.Length)
        {
            return null;
        }

        var table = new byte[shnum * shentsize];
        if (ReadAt(stream, shoff, table) < table.Length)
        {
            return null;
        }

        (long Offset, long Size) Section(int index)
        {
            var s = table.AsSpan(index * shentsize, shentsize);
            return is64 ? ((long)U64(s[0x18..], little), (long)U64(s[0x20..], little)) : (U32(s[0x10..], little), U32(s[0x14..], little));
        }

        var names = Section(shstrndx);
        if (names.Size is <= 0 or > 1024 * 1024)
        {
            return null;
        }

        var nameTable = new byte[names.Size];
        ReadAt(stream, names.Offset, nameTable);
        var wanted = ".go.buildinfo"u8;
        for (var i = 0; i < shnum; i++)
        {
            var nameOffset = (int)U32(table.AsSpan(i * shentsize), little);
            if (nameOffset >= 0 && nameOffset + wanted.Length < nameTable.Length
                && nameTable.AsSpan(nameOffset, wanted.Length).SequenceEqual(wanted) && nameTable[nameOffset + wanted.Length] == 0)
            {
                return Section(i).Offset;
            }
        }

        return null;
    }

    private static long? ScanForMagic(Stream stream)
    {
        if (stream.Length > MaxScanBytes)
        {
            return null;
        }

        var buffer = new byte[1 << 20];
        for (long position = 0; position < stream.Length; position += buffer.Length - 16)
        {
            var read = ReadAt(stream, position, buffer);
            for (var i = 0; i + Magic.Length <= read; i += 16)
            {
                if (buffer.AsSpan(i, Magic.Length).SequenceEqual(Magic))
                {
                    return position + i;
                }
            }

            if (read < buffer.Length)
            {
                break;
            }
        }

        return null;
    }

    private static string? ReadString(ref Span<byte> span)
    {
        ulong length = 0;
        var shift = 0;
        var i = 0;
        for (; i < span.Length && i < 10; i++)
        {
            length |= (ulong)(span[i] & 0x7f) << shift;
            shift += 7;
            if ((span[i] & 0x80) == 0)
            {
                break;
            }
        }

        i++;
        if (i > span.Length || length > (ulong)(span.Length - i))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(span.Slice(i, (int)length));
        span = span[(i + (int)length)..];
        return text;
    }

    private static int ReadAt(Stream stream, long offset, Span<byte> buffer)
    {
        stream.Position = offset;
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private static ushort U16(ReadOnlySpan<byte> s, bool little) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);

    private static uint U32(ReadOnlySpan<byte> s, bool little) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);

    private static ulong U64(ReadOnlySpan<byte> s, bool little) => little ? BinaryPrimitives.ReadUInt64LittleEndian(s) : BinaryPrimitives.ReadUInt64BigEndian(s);
}
