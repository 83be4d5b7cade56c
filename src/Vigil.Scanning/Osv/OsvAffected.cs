namespace Vigil.Scanning.Osv;

/// <summary>One <c>affected[]</c> entry: a package, its ranges and explicit versions.</summary>
/// <param name="Package">The package.</param>
/// <param name="Ranges">Version ranges; GIT ranges are kept but never used for package matching.</param>
/// <param name="Versions">Explicitly listed affected versions, matched by exact string.</param>
/// <param name="Severity">Per-package CVSS vectors (OSV allows severity here instead of at the top).</param>
/// <param name="DatabaseSeverity">Severity hints from this entry's <c>database_specific</c>.</param>
public sealed record OsvAffected(
    OsvPackage Package,
    IReadOnlyList<OsvRange> Ranges,
    IReadOnlyList<string> Versions,
    IReadOnlyList<OsvSeverity> Severity,
    OsvDatabaseSeverity? DatabaseSeverity);
