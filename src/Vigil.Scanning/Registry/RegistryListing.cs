namespace Vigil.Scanning.Registry;

/// <summary>One page of a Registry v2 listing (<c>_catalog</c> or <c>tags/list</c>).</summary>
/// <param name="Names">Repository or tag names of this page.</param>
/// <param name="Last">The <c>last</c> parameter of the next page, or null when the registry says there is none.</param>
public sealed record RegistryListing(IReadOnlyList<string> Names, string? Last);
