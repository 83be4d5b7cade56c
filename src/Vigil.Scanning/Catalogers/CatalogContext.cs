using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.Catalogers;

/// <summary>What catalogers know about the tree as a whole before reading packages: its distribution, if any.</summary>
/// <param name="OperatingSystem">From os-release; distro packages take their purl namespace and distro qualifier from it.</param>
public sealed record CatalogContext(OperatingSystemIdentity? OperatingSystem)
{
    /// <summary>The <c>distro</c> purl qualifier for distro packages, or null when the OS is unknown.</summary>
    public string? Distro => OperatingSystem?.Distro;
}
