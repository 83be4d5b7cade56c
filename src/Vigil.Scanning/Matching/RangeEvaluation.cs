namespace Vigil.Scanning.Matching;

/// <summary>The verdict for one affected entry and the fixed versions of the ranges that decided it.</summary>
/// <param name="Verdict">Affected, not affected or not comparable.</param>
/// <param name="FixedVersions">The <c>fixed</c> events of the matching ranges (of all ranges when not comparable).</param>
public sealed record RangeEvaluation(RangeVerdict Verdict, IReadOnlyList<string> FixedVersions);
