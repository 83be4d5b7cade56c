namespace Vigil.Workflows.Contracts;

/// <summary>
/// How scan completion reaches a waiting flow: the host dispatches every <c>ScanCompleted</c> and <c>ScanFailed</c> domain
/// event to the engine with the scan id as correlation key; Wait for scan bookmarks listen to both.
/// </summary>
public static class ScanFinishedEvents
{
    /// <summary>Event type of a successful scan (CONTRACTS.md §4).</summary>
    public const string Completed = "ScanCompleted";

    /// <summary>Event type of a failed scan (CONTRACTS.md §4).</summary>
    public const string Failed = "ScanFailed";
}
