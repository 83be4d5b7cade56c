namespace Vigil.Dashboard.Scans;

/// <summary>
/// What the console sends an agent to start a scan: the scan id, where to upload its SBOM, and instead of the agent's
/// own root either a registry image (for an agent started with <c>--capabilities scanner</c>) or one of the host's
/// containers, whose files the agent reads through <c>/proc/&lt;pid&gt;/root</c>.
/// </summary>
public sealed record AgentScanCommand(string ScanId, string UploadPath, AgentImageTarget? Image = null, string? ContainerId = null);

/// <summary>
/// A registry image for a scanner agent, pinned by digest, with short-lived pull credentials from the registry plugin.
/// The credentials travel only in this message: the console does not store them and the agent keeps them in memory.
/// </summary>
public sealed record AgentImageTarget(string Registry, string Repository, string Digest, bool Insecure, string? Username, string? Password)
{
    /// <summary>The image reference, without credentials: what logs and progress may name.</summary>
    public override string ToString() => $"{Registry}/{Repository}@{Digest}";
}
