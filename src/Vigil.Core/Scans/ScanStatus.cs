namespace Vigil.Core.Scans;

/// <summary>A scan's lifecycle state (contracts §3: <c>queued|running|complete|failed|cancelled</c>).</summary>
public enum ScanStatus
{
    Queued,
    Running,
    Complete,
    Failed,
    Cancelled,
}
