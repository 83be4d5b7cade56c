namespace Vigil.Scanning.Sources;

/// <summary>One path of a file tree.</summary>
/// <param name="Path">Path relative to the tree root, '/'-separated, without a leading '/'.</param>
/// <param name="Kind">File, directory or symlink.</param>
/// <param name="Size">Content length in bytes (0 for directories and links).</param>
/// <param name="LinkTarget">The link's target as written, for symlinks.</param>
/// <param name="Executable">Whether an execute bit is set, when the tree knows it cheaply (archives do; a directory walk does not).</param>
public sealed record FileEntry(string Path, FileEntryKind Kind, long Size, string? LinkTarget = null, bool? Executable = null)
{
    /// <summary>The last path segment; computed once because every cataloger's predicate asks for it.</summary>
    public string FileName { get; } = Path[(Path.LastIndexOf('/') + 1)..];
}
