using Vigil.Core.Events;

namespace Vigil.Core.Scans;

/// <summary>One scan of one node, as the API and the pages show it.</summary>
public sealed record Scan
{
    public required string Id { get; init; }
    public required string NodeId { get; init; }
    public string NodeName { get; init; } = "";
    public ScanStatus Status { get; init; }

    /// <summary>What the scanner is doing now (<c>cataloging</c>, <c>uploading</c>, <c>matching</c>).</summary>
    public string? Stage { get; init; }

    /// <summary>0–100.</summary>
    public int Progress { get; init; }

    /// <summary>Why the scan failed, in words a user can act on.</summary>
    public string? Error { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The latest moment the scan may still be active; the sweeper fails it after that.</summary>
    public DateTimeOffset Deadline { get; init; }

    /// <summary>The feed snapshot the findings were matched against.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>Findings by severity, triaged ones left out; null until the scan completes.</summary>
    public ScanSummary? Summary { get; init; }
    public int? ComponentCount { get; init; }

    /// <summary>The agent node that runs this scan for another node (a registry image scanned by a scanner agent); null otherwise.</summary>
    public string? ScannerNodeId { get; init; }

    public bool IsActive => Status is ScanStatus.Queued or ScanStatus.Running;
}
