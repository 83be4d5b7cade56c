namespace Vigil.Scanning.Matching;

/// <summary>The affected package as reports show it.</summary>
/// <param name="Name">Package name.</param>
/// <param name="Version">Installed version.</param>
/// <param name="Ecosystem">OSV ecosystem searched (<c>Debian:12</c>, <c>PyPI</c>).</param>
/// <param name="Purl">The component's full purl.</param>
public sealed record FindingPackage(string Name, string Version, string Ecosystem, string Purl);
