namespace Vigil.Core.Scans;

/// <summary>The answer to a scan request: the node's active scan, and whether this request created it.</summary>
public sealed record ScanRequest(Scan Scan, bool Created);
