namespace Vigil.Scanning.Sbom;

/// <summary>A component an SBOM lists without a (valid) purl: kept so callers can report it instead of losing it silently.</summary>
/// <param name="Name">The component's name.</param>
/// <param name="Version">The component's version, if any.</param>
/// <param name="Type">The CycloneDX component type (<c>library</c>, <c>application</c>, ...).</param>
/// <param name="Reason">Why it could not become a <see cref="Component"/> (no purl, or which purl rule it breaks).</param>
public sealed record UnidentifiedComponent(string Name, string? Version, string Type, string Reason);
