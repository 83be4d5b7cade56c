namespace Vigil.Scanning.Sbom;

/// <summary>An SBOM read from an external document, with what could not be turned into components.</summary>
/// <param name="Document">The target, operating system and components read.</param>
/// <param name="SpecVersion">The format version of the input (<c>1.4</c>, <c>1.5</c>, <c>1.6</c>).</param>
/// <param name="Unidentified">Components without a usable purl, reported rather than dropped.</param>
public sealed record SbomReadResult(SbomDocument Document, string SpecVersion, IReadOnlyList<UnidentifiedComponent> Unidentified);
