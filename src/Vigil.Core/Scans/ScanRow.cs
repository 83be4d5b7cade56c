using Vigil.Core.Events;

namespace Vigil.Core.Scans;

/// <summary>A <c>scans</c> row joined with its node's name.</summary>
internal sealed class ScanRow
{
    public string Id { get; init; } = "";
    public string NodeId { get; init; } = "";
    public string? NodeName { get; init; }
    public string Status { get; init; } = "";
    public string? Stage { get; init; }
    public int Progress { get; init; }
    public string? Error { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public string? SnapshotId { get; init; }
    public int? Critical { get; init; }
    public int? High { get; init; }
    public int? Medium { get; init; }
    public int? Low { get; init; }
    public int? Unknown { get; init; }
    public int? ComponentCount { get; init; }
    public string? ScannerNodeId { get; init; }

    public Scan ToScan()
    {
        var status = ScanStorage.ParseStatus(Status);
        return new Scan
        {
            Id = Id, NodeId = NodeId, NodeName = NodeName ?? "", Status = status, Stage = Stage,
            Progress = status == ScanStatus.Complete ? 100 : Progress, Error = Error, RequestedBy = RequestedBy,
            CreatedAt = CreatedAt, StartedAt = StartedAt, FinishedAt = FinishedAt, Deadline = Deadline, SnapshotId = SnapshotId,
            Summary = Critical is null ? null : new ScanSummary(Critical ?? 0, High ?? 0, Medium ?? 0, Low ?? 0, Unknown ?? 0),
            ComponentCount = ComponentCount, ScannerNodeId = ScannerNodeId,
        };
    }
}
