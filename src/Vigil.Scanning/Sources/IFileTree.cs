namespace Vigil.Scanning.Sources;

/// <summary>
/// A read-only tree of files that catalogers read: a directory, a host root, or an image's layers merged.
/// Paths are relative to the tree's root and '/'-separated. Symlinks resolve inside the tree as if it were the root
/// of a chroot: an absolute or <c>..</c> target never leaves it.
/// </summary>
public interface IFileTree
{
    /// <summary>A name for messages (<c>dir:/</c>, an archive path, an image reference).</summary>
    string Description { get; }

    /// <summary>Every file and symlink of the tree (directories are not listed), in no particular order.</summary>
    IEnumerable<FileEntry> Enumerate();

    /// <summary>The entry at <paramref name="path"/> without following a final symlink, or null when absent.</summary>
    FileEntry? Stat(string path);

    /// <summary>The target of the symlink at <paramref name="path"/>, or null when it is not one.</summary>
    string? ReadLink(string path);

    /// <summary>Opens the file at <paramref name="path"/>, following symlinks inside the tree.</summary>
    /// <exception cref="FileNotFoundException">No such file, or a link that dangles or would leave the tree.</exception>
    Stream Open(string path);
}
