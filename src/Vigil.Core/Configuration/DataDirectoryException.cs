namespace Vigil.Core.Configuration;

/// <summary>The data directory cannot be created or written; start-up stops with this message.</summary>
public sealed class DataDirectoryException(string path, string reason, Exception inner)
    : Exception($"Vigil cannot use its data directory '{path}': {reason} Set Vigil:DataDirectory (or Vigil__DataDirectory) to a writable folder.", inner)
{
    public string DirectoryPath { get; } = path;
}
