using System.Formats.Tar;

namespace Vigil.Scanning.Sources;

/// <summary>
/// A docker-save or OCI-layout tarball read in place: one pass records where each member's data lies, and members are
/// then read as slices of the file, never extracted. Symlinked members (docker save deduplicates layers that way)
/// resolve inside the tarball.
/// </summary>
public sealed class TarImageFiles : IImageFiles
{
    private readonly string _file;
    private readonly Dictionary<string, (long Offset, long Length)> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    /// <summary>Indexes the tarball <paramref name="file"/>.</summary>
    /// <exception cref="SourceException">Not a readable tar, truncated, or with hostile member names.</exception>
    public TarImageFiles(string file, ArchiveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _file = file;
        Description = file;
        if (!File.Exists(file))
        {
            throw new SourceException(file, "no such file");
        }

        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            using var reader = new TarReader(stream, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                if (_members.Count + _links.Count >= limits.MaxEntries)
                {
                    throw new SourceException(file, $"more than {limits.MaxEntries} members (limit exceeded)");
                }

                var name = TreePaths.Normalize(entry.Name);
                if (name is null || entry.Name.StartsWith('/'))
                {
                    throw new SourceException(file, $"member '{entry.Name}' escapes the archive (path traversal)");
                }

                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    // For a seekable archive, the reader stops at the start of the member's data.
                    if (stream.Position + entry.Length > stream.Length)
                    {
                        throw new SourceException(file, $"member '{name}' is truncated");
                    }

                    _members[name] = (stream.Position, entry.Length);
                }
                else if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
                {
                    _links[name] = entry.EntryType == TarEntryType.SymbolicLink
                        ? TreePaths.ResolveLinkTarget(name, entry.LinkName)
                        : TreePaths.Normalize(entry.LinkName) ?? "";
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException || (e is IOException && e is not SourceException))
        {
            throw new SourceException(file, $"not a readable tar archive: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool Exists(string path) => Find(path) is not null;

    /// <inheritdoc />
    public Stream Open(string path)
    {
        var member = Find(path) ?? throw new SourceException($"{Description}:{path}", "missing from the archive");
        var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        return BoundedReadStream.Slice(stream, member.Offset, member.Length, $"{Description}:{path}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private (long Offset, long Length)? Find(string path)
    {
        var name = TreePaths.Normalize(path) ?? "";
        for (var hops = 0; hops < SymlinkResolver.MaxLinkHops; hops++)
        {
            if (_members.TryGetValue(name, out var member))
            {
                return member;
            }

            if (!_links.TryGetValue(name, out var target))
            {
                return null;
            }

            name = target;
        }

        return null;
    }
}
