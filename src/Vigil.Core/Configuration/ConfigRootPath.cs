namespace Vigil.Core.Configuration;

/// <summary>The folder of appsettings.json, against which relative paths in configuration resolve.</summary>
public sealed record ConfigRootPath(string Path)
{
    public string Resolve(string relativeOrAbsolute) => System.IO.Path.GetFullPath(relativeOrAbsolute, Path);
}
