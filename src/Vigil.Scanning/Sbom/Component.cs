namespace Vigil.Scanning.Sbom;

/// <summary>
/// One package found in a scanned tree (contracts §5). Catalogers produce it, the CycloneDX writer and reader
/// round-trip it, and the matcher looks it up in the feed store by <see cref="Ecosystem"/> and name.
/// </summary>
/// <param name="Purl">Package URL, the component's identity (qualifiers such as <c>distro</c> and <c>arch</c> included).</param>
/// <param name="Ecosystem">OSV ecosystem name without release, e.g. <c>Debian</c>, <c>npm</c>, <c>PyPI</c>.</param>
/// <param name="Name">Package name as the ecosystem writes it.</param>
/// <param name="Version">Installed version, verbatim.</param>
/// <param name="SourceName">Distro source package name (dpkg Source, apk origin, rpm source rpm), when it differs or is known.</param>
/// <param name="SourceVersion">Distro source package version.</param>
/// <param name="Distro">Distro qualifier <c>ID-VERSION_ID</c> from os-release, e.g. <c>debian-12</c>.</param>
/// <param name="Locations">Files the component was found in, relative to the scanned root.</param>
public sealed record Component(
    string Purl,
    string Ecosystem,
    string Name,
    string Version,
    string? SourceName,
    string? SourceVersion,
    string? Distro,
    IReadOnlyList<string> Locations);
