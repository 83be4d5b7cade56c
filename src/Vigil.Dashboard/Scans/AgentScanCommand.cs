namespace Vigil.Dashboard.Scans;

/// <summary>What the console sends an agent to start a scan: the scan id and where to upload its SBOM.</summary>
public sealed record AgentScanCommand(string ScanId, string UploadPath);
