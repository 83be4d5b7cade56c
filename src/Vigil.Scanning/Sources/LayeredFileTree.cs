using System.Formats.Tar;

namespace Vigil.Scanning.Sources;

/// <summary>
/// An image's file system: its layer tars applied in order with OCI whiteouts (<c>.wh.NAME</c> deletes, 
/// <c>.wh..wh..opq</c> empties a directory of lower layers' content). Layers are streamed once; only files that
/// <c>wanted</c> selects (what catalogers read) are kept, small ones in memory and larger ones in the scan's scratch
/// space. Absolute entry names are read relative to the image root, as Docker does. Hostile entries (path traversal,
/// hard links to paths outside the image) stop the build with
/// an error naming the layer and entry; device files and FIFOs are ignored, never created.
/// </summary>
public sealed class LayeredFileTree : IFileTree
{
    private const int InMemoryLimit = 64 * 1024;

    private readonly Dictionary<string, LayerNode> _nodes = new(StringComparer.Ordinal);

    // Every directory that has held a child, so "is this a directory?" never scans all paths.
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { "" };
    private readonly Func<FileEntry, bool> _wanted;
    private readonly ArchiveLimits _limits;
    private readonly ScratchSpace _scratch;
    private long _entries;
    private long _totalBytes;
    private long _materialized;
    private int _layerCount;

    /// <summary>Creates an empty tree; add layers bottom-up with <see cref="ApplyLayer"/>.</summary>
    public LayeredFileTree(string description, Func<FileEntry, bool> wanted, ArchiveLimits limits, ScratchSpace scratch)
    {
        Description = description;
        _wanted = wanted;
        _limits = limits;
        _scratch = scratch;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Applies one layer given as an uncompressed tar stream; <paramref name="layerName"/> names it in errors.</summary>
    /// <exception cref="SourceException">The layer is truncated, malformed, hostile or exceeds a limit.</exception>
    public void ApplyLayer(Stream tar, string layerName)
    {
        ArgumentNullException.ThrowIfNull(tar);
        var layer = _layerCount++;
        var counted = BoundedReadStream.Cap(tar, Math.Max(0, _limits.MaxTotalBytes - _totalBytes), $"{layerName}: decompressed layers", leaveOpen: true);
        try
        {
            using var reader = new TarReader(counted, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                if (++_entries > _limits.MaxEntries)
                {
                    throw new SourceException(layerName, $"more than {_limits.MaxEntries} entries (limit exceeded)");
                }

                Apply(entry, layer, layerName);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ZstdSharp.ZstdException
            || (e is IOException && e is not SourceException))
        {
            throw new SourceException(layerName, $"truncated or malformed layer: {e.Message}", e);
        }
        finally
        {
            _totalBytes += counted.BytesRead;
        }
    }

    /// <inheritdoc />
    public IEnumerable<FileEntry> Enumerate() => _nodes.Values.Select(n => n.Entry).Where(e => e.Kind != FileEntryKind.Directory);

    /// <inheritdoc />
    public FileEntry? Stat(string path)
    {
        var normalized = TreePaths.Normalize(path);
        if (normalized is null)
        {
            return null;
        }

        return normalized.Length == 0 ? new FileEntry("", FileEntryKind.Directory, 0) : _nodes.GetValueOrDefault(normalized)?.Entry ?? ImpliedDirectory(normalized);
    }

    /// <inheritdoc />
    public string? ReadLink(string path) => Stat(path) is { Kind: FileEntryKind.Symlink } entry ? entry.LinkTarget : null;

    /// <inheritdoc />
    public Stream Open(string path)
    {
        var resolved = SymlinkResolver.Resolve(path, Stat);
        if (resolved is not { Entry.Kind: FileEntryKind.File } found || !_nodes.TryGetValue(found.Path, out var node))
        {
            throw new FileNotFoundException($"{Description}: {path}: no such file inside the image", path);
        }

        if (node.Bytes is not null)
        {
            return new MemoryStream(node.Bytes, writable: false);
        }

        if (node.ContentFile is not null)
        {
            return new FileStream(node.ContentFile, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        throw new FileNotFoundException($"{Description}: {path}: content was not kept (no cataloger asked for it)", path);
    }

    private void Apply(TarEntry entry, int layer, string layerName)
    {
        // Absolute names ("/" from umoci, "/etc/x" from hand-made tars) are root-relative, as Docker and GNU tar read them.
        var raw = entry.Name;
        var path = TreePaths.Normalize(raw);
        if (path is null)
        {
            throw new SourceException(layerName, $"entry '{raw}' escapes the image root (path traversal)");
        }

        if (path.Length == 0)
        {
            return;
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        var parent = TreePaths.Parent(path);
        AddAncestors(parent);
        if (name == ".wh..wh..opq")
        {
            RemoveUnder(parent, layer, includeSelf: false);
            return;
        }

        if (name.StartsWith(".wh.", StringComparison.Ordinal))
        {
            var target = parent.Length == 0 ? name[4..] : $"{parent}/{name[4..]}";
            RemoveUnder(target, layer + 1, includeSelf: true);
            return;
        }

        // A path written again by a higher layer replaces the lower one, and a file replacing a directory hides its content.
        if (entry.EntryType is not (TarEntryType.Directory))
        {
            RemoveUnder(path, layer + 1, includeSelf: true);
        }

        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                if (!_nodes.TryGetValue(path, out var existing) || existing.Entry.Kind != FileEntryKind.Directory)
                {
                    RemoveUnder(path, layer + 1, includeSelf: true);
                    _nodes[path] = new LayerNode { Entry = new FileEntry(path, FileEntryKind.Directory, 0), Layer = layer };
                    _directories.Add(path);
                }

                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                AddFile(entry, path, layer, layerName);
                break;
            case TarEntryType.SymbolicLink:
                _nodes[path] = new LayerNode { Entry = new FileEntry(path, FileEntryKind.Symlink, 0, entry.LinkName), Layer = layer };
                break;
            case TarEntryType.HardLink:
                AddHardLink(entry, path, layer, layerName);
                break;
            default:
                // Devices, FIFOs and other specials carry no package data and are never created.
                break;
        }
    }

    private void AddFile(TarEntry entry, string path, int layer, string layerName)
    {
        if (entry.Length > _limits.MaxFileBytes)
        {
            throw new SourceException(layerName, $"entry '{path}' is {entry.Length} bytes, more than the {_limits.MaxFileBytes} allowed per file");
        }

        var executable = (entry.Mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        var node = new LayerNode { Entry = new FileEntry(path, FileEntryKind.File, entry.Length, null, executable), Layer = layer };
        if (entry.DataStream is { } data && _wanted(node.Entry))
        {
            _materialized += entry.Length;
            if (_materialized > _limits.MaxMaterializedBytes)
            {
                throw new SourceException(layerName, $"files kept for cataloging exceed {_limits.MaxMaterializedBytes} bytes (limit exceeded)");
            }

            if (entry.Length <= InMemoryLimit)
            {
                var bytes = new byte[entry.Length];
                data.ReadExactly(bytes);
                node.Bytes = bytes;
            }
            else
            {
                node.ContentFile = _scratch.NewFile();
                using var file = File.Create(node.ContentFile);
                data.CopyTo(file);
            }
        }

        _nodes[path] = node;
    }

    private void AddHardLink(TarEntry entry, string path, int layer, string layerName)
    {
        var target = entry.LinkName.StartsWith('/') ? null : TreePaths.Normalize(entry.LinkName);
        if (target is null || !_nodes.TryGetValue(target, out var source) || source.Entry.Kind != FileEntryKind.File)
        {
            throw new SourceException(layerName, $"hard link '{path}' points to '{entry.LinkName}', which is not a file in the image");
        }

        _nodes[path] = new LayerNode
        {
            Entry = new FileEntry(path, source.Entry.Kind, source.Entry.Size, source.Entry.LinkTarget, source.Entry.Executable),
            Bytes = source.Bytes,
            ContentFile = source.ContentFile,
            Layer = layer,
        };
    }

    private void RemoveUnder(string path, int belowLayer, bool includeSelf)
    {
        if (includeSelf && _nodes.TryGetValue(path, out var self) && self.Layer < belowLayer)
        {
            _nodes.Remove(path);
        }

        if (!_directories.Contains(path))
        {
            return;
        }

        var prefix = path.Length == 0 ? "" : path + "/";

        foreach (var key in _nodes.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && _nodes[k].Layer < belowLayer).ToList())
        {
            _nodes.Remove(key);
        }
    }

    private FileEntry? ImpliedDirectory(string path)
    {
        // Layers may omit directory entries; a path with children is a directory all the same.
        return _directories.Contains(path) ? new FileEntry(path, FileEntryKind.Directory, 0) : null;
    }

    private void AddAncestors(string directory)
    {
        while (_directories.Add(directory))
        {
            directory = TreePaths.Parent(directory);
        }
    }
}
