namespace Vigil.Workflows.Contracts;

/// <summary>The result of evaluating a policy (CONTRACTS.md §7).</summary>
/// <param name="Passed">True when the scan meets the policy.</param>
/// <param name="Reasons">Why it failed (or notes when it passed), for people.</param>
public sealed record PolicyVerdict(bool Passed, IReadOnlyList<string> Reasons);
