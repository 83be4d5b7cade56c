namespace Vigil.Scanning.Sources;

/// <summary>
/// Resolves a path through the symlinks of a tree, component by component, with targets interpreted inside the
/// tree (chroot semantics). Shared by every <see cref="IFileTree"/> so none can be tricked into leaving its root.
/// </summary>
public static class SymlinkResolver
{
    /// <summary>As in Linux, more links than this on one lookup is a loop.</summary>
    public const int MaxLinkHops = 40;

    /// <summary>
    /// Returns the resolved path of <paramref name="path"/> and its entry, or null when a component is missing, a
    /// link dangles or links loop.
    /// </summary>
    public static (string Path, FileEntry Entry)? Resolve(string path, Func<string, FileEntry?> statNoFollow)
    {
        ArgumentNullException.ThrowIfNull(statNoFollow);
        var hops = 0;
        return ResolveFrom(TreePaths.ResolveLinkTarget("", "/" + path), statNoFollow, ref hops);
    }

    private static (string Path, FileEntry Entry)? ResolveFrom(string path, Func<string, FileEntry?> statNoFollow, ref int hops)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "";
        FileEntry? entry = new FileEntry("", FileEntryKind.Directory, 0);
        for (var i = 0; i < segments.Length; i++)
        {
            var candidate = current.Length == 0 ? segments[i] : $"{current}/{segments[i]}";
            entry = statNoFollow(candidate);
            if (entry is null)
            {
                return null;
            }

            if (entry.Kind == FileEntryKind.Symlink)
            {
                if (++hops > MaxLinkHops)
                {
                    return null;
                }

                var target = TreePaths.ResolveLinkTarget(candidate, entry.LinkTarget ?? "");
                var rest = string.Join('/', segments.Skip(i + 1));
                return ResolveFrom(rest.Length == 0 ? target : $"{target}/{rest}", statNoFollow, ref hops);
            }

            if (i < segments.Length - 1 && entry.Kind != FileEntryKind.Directory)
            {
                return null;
            }

            current = candidate;
        }

        return (current, entry!);
    }
}
