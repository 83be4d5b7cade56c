namespace Vigil.Dashboard.Registries;

/// <summary>One queued image scan: the scan, its image node, and whether to pull even when the digest's SBOM is kept.</summary>
public sealed record RegistryScanJob(string ScanId, RegistryImage Image, bool Force);
