namespace Vigil.Scanning.Osv;

/// <summary>
/// A severity found in a database's own fields (<c>database_specific.severity</c> as GHSA writes it, numeric CVSS
/// scores as RubyGems and the npm data carry them, or a vector under <c>cvss</c>). Used only when no OSV
/// <c>severity</c> vector exists (contracts §6).
/// </summary>
/// <param name="Level">Textual level (<c>HIGH</c>, <c>MODERATE</c>, …), if any.</param>
/// <param name="Score">Numeric base score 0–10, if any.</param>
/// <param name="Vector">A CVSS vector found there, if any.</param>
public sealed record OsvDatabaseSeverity(string? Level, double? Score, string? Vector);
