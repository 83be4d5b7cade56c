namespace Vigil.Scanning.Sources;

/// <summary>
/// Lexical path handling shared by the trees: normalising archive and link paths so that no sequence of '..',
/// absolute paths or doubled separators reaches above the root.
/// </summary>
public static class TreePaths
{
    /// <summary>
    /// Normalises <paramref name="path"/> to a root-relative form ("a/b/c"), or returns null when it climbs above the
    /// root with '..' (the caller decides whether that is an error, as for archive entries, or clamps, as for links).
    /// </summary>
    public static string? Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// Resolves a symlink target written in the link at <paramref name="linkPath"/>, chroot style: absolute targets
    /// start at the tree root and '..' stops at the root.
    /// </summary>
    public static string ResolveLinkTarget(string linkPath, string target)
    {
        ArgumentNullException.ThrowIfNull(linkPath);
        ArgumentNullException.ThrowIfNull(target);
        var combined = target.StartsWith('/') ? target : $"{Parent(linkPath)}/{target}";
        var parts = new List<string>();
        foreach (var segment in combined.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The parent directory of <paramref name="path"/> ("" for top-level entries).</summary>
    public static string Parent(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }
}
