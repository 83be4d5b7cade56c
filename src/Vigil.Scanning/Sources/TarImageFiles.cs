using System.Formats.Tar;

namespace Vigil.Scanning.Sources;

/// <summary>
/// A docker-save or OCI-layout tarball read in place: one pass lists the members, and opening one seeks through the
/// headers to it and streams its data from the file, never extracting anything. Symlinked members (docker save
/// deduplicates layers that way) resolve inside the tarball.
/// </summary>
public sealed class TarImageFiles : IImageFiles
{
    private readonly string _file;
    private readonly Dictionary<string, long> _members = new(StringComparer.Ordinal);
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
                    // The reader has moved past the member's data, padded to 512-byte blocks; a short file cannot hold it.
                    if (stream.Position > stream.Length)
                    {
                        throw new SourceException(file, $"member '{name}' is truncated");
                    }

                    _members[name] = entry.Length;
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
        var name = Find(path) ?? throw new SourceException($"{Description}:{path}", "missing from the archive");
        var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        var reader = new TarReader(stream, leaveOpen: true);
        try
        {
            // Headers only: on a seekable file the reader seeks over the data of members before the one wanted.
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                if (TreePaths.Normalize(entry.Name) == name && entry.DataStream is { } data)
                {
                    return new OwningStream(data, reader, stream);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            reader.Dispose();
            stream.Dispose();
            throw new SourceException($"{Description}:{path}", $"unreadable member: {e.Message}", e);
        }

        reader.Dispose();
        stream.Dispose();
        throw new SourceException($"{Description}:{path}", "missing from the archive");
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private string? Find(string path)
    {
        var name = TreePaths.Normalize(path) ?? "";
        for (var hops = 0; hops < SymlinkResolver.MaxLinkHops; hops++)
        {
            if (_members.ContainsKey(name))
            {
                return name;
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
