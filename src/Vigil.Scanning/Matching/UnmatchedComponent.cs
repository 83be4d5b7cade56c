using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.Matching;

/// <summary>A component the matcher could not look up, and why (reported, not dropped).</summary>
/// <param name="Component">The component.</param>
/// <param name="Reason">Why it has no OSV query.</param>
public sealed record UnmatchedComponent(Component Component, string Reason);
