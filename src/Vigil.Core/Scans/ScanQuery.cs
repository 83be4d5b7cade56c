namespace Vigil.Core.Scans;

/// <summary>Filters and paging of the scan list, newest first; null filters match everything.</summary>
public sealed record ScanQuery(string? NodeId = null, ScanStatus? Status = null, int Skip = 0, int Take = 50)
{
    public const int MaxTake = 500;
}
