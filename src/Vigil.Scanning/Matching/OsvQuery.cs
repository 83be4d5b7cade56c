namespace Vigil.Scanning.Matching;

/// <summary>What to look up in the feed store for one component.</summary>
/// <param name="Ecosystems">OSV ecosystems to search, with release (<c>Debian:12</c>) where the database uses one.</param>
/// <param name="Names">Package names to search (a distro package's source name first, then its binary name for rpm).</param>
/// <param name="Version">The version as OSV writes it for this ecosystem.</param>
public sealed record OsvQuery(IReadOnlyList<string> Ecosystems, IReadOnlyList<string> Names, string Version);
