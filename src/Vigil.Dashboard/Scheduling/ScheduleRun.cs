namespace Vigil.Dashboard.Scheduling;

/// <summary>One run of a scan schedule: when it fired, how it ended, and the scans it started.</summary>
/// <param name="Id">Run id.</param>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="FiredAt">The trigger's scheduled fire time.</param>
/// <param name="FinishedAt">When the run had started its scans (or failed).</param>
/// <param name="Outcome"><c>started</c> (scans queued), <c>noNodes</c> (the target matched nothing) or <c>failed</c>.</param>
/// <param name="NodeCount">Nodes the target matched.</param>
/// <param name="Error">Why it failed, in words a user can act on.</param>
/// <param name="Scans">The scans it started (join on the scans table for their results).</param>
public sealed record ScheduleRun(
    string Id, string ScheduleId, DateTimeOffset FiredAt, DateTimeOffset FinishedAt, string Outcome, int NodeCount, string? Error, IReadOnlyList<ScheduleRunScan> Scans)
{
    public const string Started = "started";
    public const string NoNodes = "noNodes";
    public const string Failed = "failed";
}

/// <summary>A scan a schedule run started, for one node.</summary>
public sealed record ScheduleRunScan(string ScanId, string NodeId);
