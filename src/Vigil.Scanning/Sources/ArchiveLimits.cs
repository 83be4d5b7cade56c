namespace Vigil.Scanning.Sources;

/// <summary>
/// Caps that keep a hostile image or archive from exhausting memory, disk or time (decompression bombs, millions of
/// entries). Exceeding one stops the scan with an error naming the layer or file and the cap.
/// </summary>
/// <param name="MaxTotalBytes">Decompressed bytes over all layers.</param>
/// <param name="MaxFileBytes">Size of any one file in a layer.</param>
/// <param name="MaxEntries">Entries over all layers.</param>
/// <param name="MaxMaterializedBytes">Bytes of file content kept (memory and temp files) for catalogers.</param>
public sealed record ArchiveLimits(
    long MaxTotalBytes = 16L * 1024 * 1024 * 1024,
    long MaxFileBytes = 2L * 1024 * 1024 * 1024,
    long MaxEntries = 2_000_000,
    long MaxMaterializedBytes = 4L * 1024 * 1024 * 1024)
{
    /// <summary>The defaults: generous for real images, finite for bombs.</summary>
    public static ArchiveLimits Default { get; } = new();
}
