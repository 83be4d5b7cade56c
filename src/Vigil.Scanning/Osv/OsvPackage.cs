namespace Vigil.Scanning.Osv;

/// <summary>An affected package as OSV names it.</summary>
/// <param name="Ecosystem">Ecosystem with release where the database uses one (<c>Debian:12</c>, <c>Alpine:v3.20</c>).</param>
/// <param name="Name">Package name as the ecosystem writes it.</param>
/// <param name="Purl">Purl, when the record gives one.</param>
public sealed record OsvPackage(string Ecosystem, string Name, string? Purl);
