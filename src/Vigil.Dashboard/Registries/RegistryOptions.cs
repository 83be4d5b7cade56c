namespace Vigil.Dashboard.Registries;

/// <summary>The <c>Vigil:Registries</c> configuration section: how registry images are scanned in the console.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Vigil:Registries";

    /// <summary>Images of one registry pulled at the same time, so one scan-now never floods the registry.</summary>
    public int ConcurrencyPerRegistry { get; set; } = 2;

    /// <summary>Images pulled at the same time across all registries (the console's share of the machine).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How long one registry request may keep waiting on 429 Too Many Requests before the scan fails as rate limited.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest size of the layer cache under the data directory (<c>registry-blobs</c>): shared layers are pulled once.</summary>
    public long BlobCacheBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}
