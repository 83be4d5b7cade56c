namespace Vigil.Scanning.Osv;

/// <summary>An OSV range: its type (<c>SEMVER</c>, <c>ECOSYSTEM</c>, <c>GIT</c>) and events in record order.</summary>
/// <param name="Type">Range type.</param>
/// <param name="Events">Events as written.</param>
public sealed record OsvRange(string Type, IReadOnlyList<OsvEvent> Events);
