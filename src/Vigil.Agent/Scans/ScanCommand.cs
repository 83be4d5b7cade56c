namespace Vigil.Agent.Scans;

/// <summary>
/// The console's order to scan (the dashboard's <c>AgentScanCommand</c> on the wire): this agent's root, one of the
/// host's containers (<see cref="ContainerId"/>), or for an agent run with <c>--capabilities scanner</c>, the registry
/// <see cref="Image"/> the console hands it.
/// </summary>
public sealed record ScanCommand(string ScanId, string UploadPath, ImageTarget? Image = null, string? ContainerId = null);

/// <summary>A registry image pinned by digest, with the registry plugin's short-lived pull credentials (kept in memory only).</summary>
public sealed record ImageTarget(string Registry, string Repository, string Digest, bool Insecure, string? Username, string? Password)
{
    /// <summary>The reference the SBOM worker pulls; never carries the credentials.</summary>
    public string Reference => $"{Registry}/{Repository}@{Digest}";

    public override string ToString() => Reference;
}
