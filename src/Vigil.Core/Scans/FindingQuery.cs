namespace Vigil.Core.Scans;

/// <summary>
/// Filters and paging of a findings list, worst first. <c>Search</c> matches the advisory id, any alias (CVE ids) or the
/// package name, ignoring case; <c>Package</c> matches part of the package name.
/// </summary>
public sealed record FindingQuery(string? Severity = null, string? Package = null, string? Search = null, int Skip = 0, int Take = 100)
{
    public const int MaxTake = 1000;
}
