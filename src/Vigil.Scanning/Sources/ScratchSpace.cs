namespace Vigil.Scanning.Sources;

/// <summary>
/// The private temporary folder of one scan: materialised files and downloaded blobs go here and nowhere else, and
/// disposing deletes it whatever happened during the scan.
/// </summary>
public sealed class ScratchSpace : IDisposable
{
    private int _counter;

    /// <summary>Creates a fresh folder under <paramref name="parent"/> (the system temp folder when null).</summary>
    public ScratchSpace(string? parent = null)
    {
        Root = parent is null
            ? Directory.CreateTempSubdirectory("vigil-scan-").FullName
            : Directory.CreateDirectory(Path.Combine(parent, $"vigil-scan-{Guid.NewGuid():N}")).FullName;
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>A new, unused file path inside the folder.</summary>
    public string NewFile(string suffix = "") => Path.Combine(Root, $"{Interlocked.Increment(ref _counter)}{suffix}");

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
