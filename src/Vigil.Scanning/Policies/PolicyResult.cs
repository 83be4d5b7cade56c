using Vigil.Scanning.Matching;

namespace Vigil.Scanning.Policies;

/// <summary>The outcome of a policy: pass or fail, the reasons, and which findings counted or were left out.</summary>
/// <param name="Passed">Whether no criterion was met.</param>
/// <param name="Reasons">One sentence per criterion met.</param>
/// <param name="Considered">Findings that counted.</param>
/// <param name="Ignored">Findings left out by ignore rules or <c>ignoreUnfixed</c>.</param>
public sealed record PolicyResult(bool Passed, IReadOnlyList<string> Reasons, IReadOnlyList<Finding> Considered, IReadOnlyList<Finding> Ignored);
