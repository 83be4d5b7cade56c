namespace Vigil.Scanning.Sources;

/// <summary>What a path in a file tree is.</summary>
public enum FileEntryKind
{
    /// <summary>A regular file with content.</summary>
    File,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link; its target is resolved inside the tree, never outside it.</summary>
    Symlink,
}
