namespace Vigil.Dashboard.Registries;

/// <summary>The <c>Vigil:Registries</c> configuration section: how and where registry images are scanned.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Vigil:Registries";

    /// <summary>Images of one registry pulled at the same time, so one scan-now never floods the registry.</summary>
    public int ConcurrencyPerRegistry { get; set; } = 2;

    /// <summary>Images pulled by the console itself at the same time across all registries (the console's share of the machine).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// Image scans one agent started with <c>--capabilities scanner</c> runs at the same time. Scans go to such agents
    /// first (least busy first), so capacity grows with them; 0 keeps every registry scan in the console.
    /// </summary>
    public int ScansPerAgent { get; set; } = 1;

    /// <summary>How long one registry request may keep waiting on 429 Too Many Requests before the scan fails as rate limited.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest size of the layer cache under the data directory (<c>registry-blobs</c>): shared layers are pulled once.</summary>
    public long BlobCacheBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}
