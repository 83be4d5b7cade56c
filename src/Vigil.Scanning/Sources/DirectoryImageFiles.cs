namespace Vigil.Scanning.Sources;

/// <summary>An OCI layout on disk. Paths are lexically confined to the layout and symlinks are refused, so a crafted
/// layout cannot make Vigil read files outside it.</summary>
public sealed class DirectoryImageFiles : IImageFiles
{
    private readonly string _root;

    /// <summary>Opens the layout in <paramref name="root"/>.</summary>
    public DirectoryImageFiles(string root)
    {
        _root = Path.GetFullPath(root);
        if (!Directory.Exists(_root))
        {
            throw new SourceException(root, "no such directory");
        }

        Description = root;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool Exists(string path) => Resolve(path) is { } full && File.Exists(full);

    /// <inheritdoc />
    public Stream Open(string path)
    {
        var full = Resolve(path) ?? throw new SourceException($"{Description}/{path}", "path escapes the layout");
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            throw new SourceException($"{Description}/{path}", "is a symlink; layouts must hold their blobs");
        }

        return info.Exists
            ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan)
            : throw new SourceException($"{Description}/{path}", "missing from the layout");
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private string? Resolve(string path) => TreePaths.Normalize(path) is { Length: > 0 } normalized ? Path.Combine(_root, normalized) : null;
}
