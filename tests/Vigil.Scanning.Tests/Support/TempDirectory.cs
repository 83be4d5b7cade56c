namespace Vigil.Scanning.Tests.Support;

/// <summary>A temporary directory that tests fill with files and that is deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("vigil-scan-test-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> to the root-relative <paramref name="relative"/> path, creating directories.</summary>
    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Copies a host file into the tree.</summary>
    public string Copy(string source, string relative)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.Copy(source, full, overwrite: true);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test must not hide that test's own failure.
        }
    }
}
