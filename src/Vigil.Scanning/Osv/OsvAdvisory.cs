namespace Vigil.Scanning.Osv;

/// <summary>
/// The parts of an OSV 1.6 record that matching, severity and reports use. Debian's <c>upstream</c> CVE ids are kept
/// apart from <c>aliases</c> because OSV gives them a different meaning, but both take part in alias deduplication.
/// </summary>
/// <param name="Id">Advisory id (DSA-…, GHSA-…, GO-…).</param>
/// <param name="Modified">Last modification time as published.</param>
/// <param name="Withdrawn">Withdrawal time; withdrawn advisories never enter a snapshot.</param>
/// <param name="Summary">One-line summary, or the first line of <c>details</c> when there is no summary.</param>
/// <param name="Aliases">Ids of the same vulnerability in other databases.</param>
/// <param name="Upstream">Ids this advisory is derived from (OSV <c>upstream[]</c>).</param>
/// <param name="Severity">Top-level CVSS vectors.</param>
/// <param name="DatabaseSeverity">Severity hints from <c>database_specific</c>.</param>
/// <param name="Affected">Affected packages.</param>
public sealed record OsvAdvisory(
    string Id,
    DateTimeOffset? Modified,
    DateTimeOffset? Withdrawn,
    string? Summary,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Upstream,
    IReadOnlyList<OsvSeverity> Severity,
    OsvDatabaseSeverity? DatabaseSeverity,
    IReadOnlyList<OsvAffected> Affected)
{
    /// <summary>Every id naming this vulnerability: its own, aliases and upstream ids.</summary>
    public IEnumerable<string> AllIds => Aliases.Concat(Upstream).Prepend(Id);
}
