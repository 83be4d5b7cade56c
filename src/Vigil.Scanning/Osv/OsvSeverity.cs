namespace Vigil.Scanning.Osv;

/// <summary>An OSV <c>severity</c> entry: a scoring system (<c>CVSS_V3</c>, <c>CVSS_V4</c>, …) and its vector.</summary>
/// <param name="Type">Scoring system as OSV names it.</param>
/// <param name="Score">The vector string.</param>
public sealed record OsvSeverity(string Type, string Score);
