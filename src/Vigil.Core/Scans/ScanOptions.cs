namespace Vigil.Core.Scans;

/// <summary>The <c>Vigil:Scans</c> configuration section: every active state's timeout and the upload caps.</summary>
public sealed class ScanOptions
{
    public const string SectionName = "Vigil:Scans";

    /// <summary>A queued scan no agent picked up in this time fails.</summary>
    public TimeSpan QueuedTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A running scan without any progress report for this long fails.</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>No scan stays active longer than this, whatever it reports.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often overdue scans are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest SBOM upload accepted, as sent (gzip-compressed for agents).</summary>
    public long MaxUploadBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Largest SBOM accepted once decompressed: a guard against compression bombs.</summary>
    public long MaxSbomBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Nodes re-matched per transaction when a feed update arrives.</summary>
    public int ReassessBatchSize { get; set; } = 50;
}
