namespace Vigil.Core.Scans;

/// <summary>How scan enums are spelled in the database: the same lowercase words as the JSON (contracts §3).</summary>
public static class ScanStorage
{
    public static string StatusText(ScanStatus status) => status.ToString().ToLowerInvariant();

    public static ScanStatus ParseStatus(string text) => Enum.Parse<ScanStatus>(text, ignoreCase: true);

    public static string TriageText(TriageState state) => state == TriageState.FalsePositive ? "falsePositive" : "accepted";

    public static TriageState ParseTriage(string text) => Enum.Parse<TriageState>(text, ignoreCase: true);

    public static readonly string Queued = StatusText(ScanStatus.Queued);
    public static readonly string Running = StatusText(ScanStatus.Running);
    public static readonly string Complete = StatusText(ScanStatus.Complete);
    public static readonly string Failed = StatusText(ScanStatus.Failed);
    public static readonly string Cancelled = StatusText(ScanStatus.Cancelled);
}
