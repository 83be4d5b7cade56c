namespace Vigil.Agent.Scans;

/// <summary>The console's order to scan (the dashboard's <c>AgentScanCommand</c> on the wire).</summary>
public sealed record ScanCommand(string ScanId, string UploadPath);
