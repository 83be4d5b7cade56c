namespace Vigil.Scanning.Sbom;

/// <summary>What a scan of one target found: the target, its operating system (if any) and its components.</summary>
/// <param name="TargetName">The scanned target as the user named it (<c>dir:/</c>, an image reference, an archive path).</param>
/// <param name="OperatingSystem">The distribution identified from os-release, or null for application-only trees.</param>
/// <param name="Components">Packages found, one per purl with every location it was found in.</param>
public sealed record SbomDocument(string TargetName, OperatingSystemIdentity? OperatingSystem, IReadOnlyList<Component> Components);
