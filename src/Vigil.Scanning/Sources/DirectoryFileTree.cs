using System.IO.Enumeration;

namespace Vigil.Scanning.Sources;

/// <summary>
/// A directory or a host root as a file tree. Enumeration never descends into symlinked directories, skips the
/// configured directories (by default the kernel's virtual file systems when scanning <c>/</c>), and opening a path
/// resolves its symlinks inside the root, so a link to <c>/etc/shadow</c> in a scanned directory reads the
/// directory's own <c>etc/shadow</c> if any, never the host's.
/// </summary>
public sealed class DirectoryFileTree : IFileTree
{
    /// <summary>Directories skipped when the root is the host's <c>/</c>: virtual file systems with no packages.</summary>
    public static readonly IReadOnlyList<string> HostRootDefaultSkips = ["proc", "sys", "dev", "run"];

    private readonly string _root;
    private readonly HashSet<string> _skip;

    /// <summary>Creates the tree for <paramref name="root"/>, skipping <paramref name="skipDirs"/> (absolute or root-relative).</summary>
    public DirectoryFileTree(string root, IEnumerable<string>? skipDirs = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (_root.Length == 0)
        {
            _root = "/";
        }

        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"{root}: no such directory");
        }

        var skips = skipDirs?.ToList() ?? [];
        if (_root == "/")
        {
            skips.AddRange(HostRootDefaultSkips);
        }

        // Skip entries may be written as host paths under the root or as tree paths; both mean the same directory.
        _skip = new HashSet<string>(
            skips.Select(s => s.StartsWith(_root + "/", StringComparison.Ordinal) ? s[_root.Length..] : s)
                .Select(s => TreePaths.Normalize(s) ?? "")
                .Where(s => s.Length > 0),
            StringComparer.Ordinal);
        Description = $"dir:{root}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public IEnumerable<FileEntry> Enumerate()
    {
        var rootLength = _root == "/" ? 1 : _root.Length + 1;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        var enumerable = new FileSystemEnumerable<FileEntry?>(
            _root,
            (ref FileSystemEntry entry) =>
            {
                var path = RelativePath(ref entry, rootLength);
                return (entry.Attributes & FileAttributes.ReparsePoint) != 0
                    ? new FileEntry(path, FileEntryKind.Symlink, 0)
                    : new FileEntry(path, FileEntryKind.File, entry.Length);
            },
            options)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                (entry.Attributes & FileAttributes.ReparsePoint) == 0
                && (_skip.Count == 0 || !_skip.Contains(RelativePath(ref entry, rootLength))),
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory || (entry.Attributes & FileAttributes.ReparsePoint) != 0,
        };
        foreach (var entry in enumerable)
        {
            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    /// <inheritdoc />
    public FileEntry? Stat(string path)
    {
        var normalized = TreePaths.Normalize(path);
        if (normalized is null)
        {
            return null;
        }

        var full = HostPath(normalized);
        var info = new FileInfo(full);
        if (info.LinkTarget is { } target)
        {
            return new FileEntry(normalized, FileEntryKind.Symlink, 0, target);
        }

        if (info.Exists)
        {
            return IsRegular(full) ? new FileEntry(normalized, FileEntryKind.File, info.Length) : null;
        }

        return Directory.Exists(full) ? new FileEntry(normalized, FileEntryKind.Directory, 0) : null;
    }

    /// <inheritdoc />
    public string? ReadLink(string path) => Stat(path) is { Kind: FileEntryKind.Symlink } entry ? entry.LinkTarget : null;

    /// <inheritdoc />
    public Stream Open(string path)
    {
        var resolved = SymlinkResolver.Resolve(path, Stat);
        if (resolved is not { Entry.Kind: FileEntryKind.File } found)
        {
            throw new FileNotFoundException($"{Description}: {path}: no such file inside the tree", path);
        }

        return new FileStream(HostPath(found.Path), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
    }

    private string HostPath(string relative) => _root == "/" ? "/" + relative : $"{_root}/{relative}";

    private static string RelativePath(ref FileSystemEntry entry, int rootLength)
    {
        // Directory + name without building the full path twice; the root prefix is cut off.
        var directory = entry.Directory;
        return directory.Length <= rootLength
            ? entry.FileName.ToString()
            : string.Concat(directory[rootLength..], "/", entry.FileName);
    }

    private static bool IsRegular(string fullPath)
    {
        // UnixFileMode does not say "regular"; a FIFO or device has no length and must never be opened.
        var attributes = File.GetAttributes(fullPath);
        return (attributes & (FileAttributes.Device | FileAttributes.Directory)) == 0;
    }
}
