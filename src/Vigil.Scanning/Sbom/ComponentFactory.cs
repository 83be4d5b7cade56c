using Vigil.Scanning.Purls;

namespace Vigil.Scanning.Sbom;

/// <summary>
/// Builds <see cref="Component"/>s from a purl, so catalogers and the CycloneDX reader derive ecosystem, name,
/// version and distro the same way.
/// </summary>
public static class ComponentFactory
{
    /// <summary>Creates the component for <paramref name="purl"/> found at <paramref name="locations"/>.</summary>
    public static Component Create(PackageUrl purl, IReadOnlyList<string> locations, string? sourceName = null, string? sourceVersion = null)
    {
        ArgumentNullException.ThrowIfNull(purl);
        return new Component(
            purl.ToString(),
            Ecosystems.FromPurl(purl),
            EcosystemName(purl),
            InstalledVersion(purl),
            sourceName,
            sourceVersion,
            DistroQualifier.Normalize(purl),
            locations);
    }

    /// <summary>Creates the component for <paramref name="purl"/> found at one location.</summary>
    public static Component Create(PackageUrl purl, string location, string? sourceName = null, string? sourceVersion = null) =>
        Create(purl, [location], sourceName, sourceVersion);

    /// <summary>The package name as its ecosystem (and OSV) writes it: npm <c>@scope/name</c>, Maven <c>group:artifact</c>, Go module path.</summary>
    public static string EcosystemName(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        return purl.Type switch
        {
            "maven" when purl.Namespace is not null => $"{purl.Namespace}:{purl.Name}",
            "npm" or "golang" or "composer" when purl.Namespace is not null => $"{purl.Namespace}/{purl.Name}",
            _ => purl.Name,
        };
    }

    /// <summary>The installed version with the purl's <c>epoch</c> qualifier folded back in (<c>1:4.13-1</c>), as dpkg and rpm write it.</summary>
    public static string InstalledVersion(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        var version = purl.Version ?? "";
        return purl.Qualifiers.TryGetValue("epoch", out var epoch) && epoch != "0" && !version.Contains(':', StringComparison.Ordinal)
            ? $"{epoch}:{version}"
            : version;
    }

    /// <summary>Merges components with the same purl into one carrying every location; components and locations sorted so output is deterministic.</summary>
    public static IReadOnlyList<Component> MergeByPurl(IEnumerable<Component> components) =>
        components
            .GroupBy(c => c.Purl, StringComparer.Ordinal)
            .Select(g => g.First() with
            {
                Locations = g.SelectMany(c => c.Locations).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            })
            .OrderBy(c => c.Purl, StringComparer.Ordinal)
            .ToArray();
}
