using Vigil.Core.Events;
using Vigil.Core.Scans;

namespace Vigil.Dashboard.Wall;

/// <summary>What the monitoring wall shows at one moment; immutable, shared by every connected wall.</summary>
public sealed record WallSnapshot(
    WallFleet Fleet,
    IReadOnlyList<WallScan> ActiveScans,
    ScanSummary Findings,
    IReadOnlyList<VulnerableNode> MostVulnerable,
    IReadOnlyList<FleetFinding> NewestCritical,
    IReadOnlyList<WallActivity> Activity,
    DateTimeOffset UpdatedAt);

/// <summary>Node counts by status, and the nodes not removed by type (<c>host</c>, <c>container</c>, ...).</summary>
public sealed record WallFleet(int Online, int Offline, int Removed, IReadOnlyDictionary<string, int> ByType)
{
    public int Total => Online + Offline;
}

/// <summary>A queued or running scan with its live stage and percent.</summary>
public sealed record WallScan(string Id, string NodeId, string NodeName, bool Running, string Stage, int Percent, DateTimeOffset Since);

/// <summary>One line of the live activity feed; <see cref="Kind"/> picks its icon and colour.</summary>
public sealed record WallActivity(DateTimeOffset At, WallActivityKind Kind, string Text, string? Href);

public enum WallActivityKind
{
    Scan,
    ScanDone,
    ScanFailed,
    Findings,
    NodeUp,
    NodeDown,
    Feed,
}
