namespace Vigil.Scanning.Sources;

/// <summary>The files of an image layout or docker archive, wherever they are stored (a directory or a tar).</summary>
public interface IImageFiles : IDisposable
{
    /// <summary>A name for messages.</summary>
    string Description { get; }

    /// <summary>Whether <paramref name="path"/> (layout-relative, e.g. <c>index.json</c>) exists.</summary>
    bool Exists(string path);

    /// <summary>Opens <paramref name="path"/>; a missing file or one that escapes the layout is a <see cref="SourceException"/>.</summary>
    Stream Open(string path);
}
