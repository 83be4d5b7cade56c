namespace Vigil.Workflows.Contracts;

/// <summary>
/// How scan completion reaches a waiting flow: the host dispatches every <c>ScanCompleted</c>, <c>ScanFailed</c> and
/// <c>ScanCancelled</c> domain event to the engine with the scan id as correlation key; Wait for scan bookmarks listen
/// to all three, so a cancelled scan never leaves a flow waiting.
/// </summary>
public static class ScanFinishedEvents
{
    /// <summary>Event type of a successful scan (CONTRACTS.md §4).</summary>
    public const string Completed = "ScanCompleted";

    /// <summary>Event type of a failed scan (CONTRACTS.md §4).</summary>
    public const string Failed = "ScanFailed";

    /// <summary>Event type of a cancelled scan (CONTRACTS.md §4); Wait for scan continues along Failed.</summary>
    public const string Cancelled = "ScanCancelled";
}
