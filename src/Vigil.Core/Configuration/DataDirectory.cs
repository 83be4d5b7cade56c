namespace Vigil.Core.Configuration;

/// <summary>The resolved, writable data directory, checked once at start-up.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string path) => Path = path;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// Creates the directory if needed and proves it writable, so a bad path stops start-up with one message naming
    /// it instead of failing later inside SQLite or Data Protection.
    /// </summary>
    public static DataDirectory Prepare(string configuredPath, string configRoot)
    {
        var path = System.IO.Path.GetFullPath(configuredPath, configRoot);
        try
        {
            Directory.CreateDirectory(path);
            var probe = System.IO.Path.Combine(path, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DataDirectoryException(path, ex.Message, ex);
        }

        return new DataDirectory(path);
    }
}
