using Vigil.Scanning.Purls;
using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.Matching;

/// <summary>
/// Turns a component into the OSV query that finds its advisories: purl type to OSV ecosystem as the purl spec and
/// OSV publish them, the distro release from the <c>distro</c> qualifier or the SBOM's OS (<c>debian-12.11</c> is
/// <c>Debian:12</c>, <c>alpine-3.20.3</c> is <c>Alpine:v3.20</c>, <c>rhel-9.4</c> matches every
/// <c>Red Hat:…:9…</c> ecosystem), distro packages by their source package, Go versions without <c>v</c>.
/// </summary>
public static class EcosystemMapper
{
    /// <summary>The query for <paramref name="component"/>, or null with a reason when it cannot be matched.</summary>
    /// <param name="component">The component.</param>
    /// <param name="operatingSystem">The SBOM's OS, used when the purl has no <c>distro</c> qualifier.</param>
    /// <param name="knownEcosystems">Ecosystems present in the store (needed to expand Red Hat and Ubuntu names).</param>
    /// <param name="reason">Why there is no query.</param>
    public static OsvQuery? Map(Component component, OperatingSystemIdentity? operatingSystem, IEnumerable<string> knownEcosystems, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(component);
        reason = null;
        if (!PackageUrl.TryParse(component.Purl, out var purl) || purl is null)
        {
            reason = "invalid purl";
            return null;
        }

        var version = component.Version;
        if (string.IsNullOrWhiteSpace(version))
        {
            reason = "no version";
            return null;
        }

        switch (purl.Type)
        {
            case "deb":
            case "apk":
            case "rpm":
                return Distro(component, purl, operatingSystem, knownEcosystems, out reason);
            case "golang":
                var goName = purl.Namespace is null ? purl.Name : $"{purl.Namespace}/{purl.Name}";
                var goVersion = version.StartsWith('v') ? version[1..] : version;
                return new OsvQuery(["Go"], [goName], goVersion);
            case "maven" when purl.Namespace is null:
                reason = "maven purl without group";
                return null;
        }

        var ecosystem = Ecosystems.FromPurl(purl);
        if (Versions.VersionComparers.ForEcosystem(ecosystem) is null)
        {
            reason = $"no OSV ecosystem for purl type '{purl.Type}'";
            return null;
        }

        return new OsvQuery([ecosystem], [ComponentFactory.EcosystemName(purl)], version);
    }

    private static OsvQuery? Distro(Component component, PackageUrl purl, OperatingSystemIdentity? os, IEnumerable<string> known, out string? reason)
    {
        reason = null;
        var distro = component.Distro ?? (purl.Qualifiers.TryGetValue("distro", out var q) ? q : null) ?? os?.Distro;
        var (id, release) = SplitDistro(distro, purl.Namespace);
        if (release is null)
        {
            reason = $"no distro release for {purl.Type} package (no distro qualifier and no OS in the SBOM)";
            return null;
        }

        // Syft writes the source package as the "upstream" qualifier ("openssl" or "openssl@3.0.11-1").
        string? upstreamName = null, upstreamVersion = null;
        if (purl.Qualifiers.TryGetValue("upstream", out var upstream))
        {
            var at = upstream.IndexOf('@', StringComparison.Ordinal);
            upstreamName = at >= 0 ? upstream[..at] : upstream;
            upstreamVersion = at >= 0 ? upstream[(at + 1)..] : null;
        }

        var sourceName = component.SourceName ?? upstreamName ?? component.Name;
        var version = component.SourceVersion ?? upstreamVersion ?? component.Version;
        var names = purl.Type == "rpm" && sourceName != component.Name ? new[] { sourceName, component.Name } : [sourceName];
        var major = release.Split('.')[0];
        IReadOnlyList<string> ecosystems = (purl.Type, id) switch
        {
            ("deb", "ubuntu") => known.Where(e => e.StartsWith($"Ubuntu:{release}", StringComparison.Ordinal) || e.StartsWith($"Ubuntu:Pro:{release}", StringComparison.Ordinal)).ToList(),
            ("deb", _) => [$"Debian:{major}"],
            ("apk", _) => [$"Alpine:v{string.Join('.', release.Split('.').Take(2))}"],
            ("rpm", "rhel" or "redhat") => known.Where(e => IsRedHatRelease(e, major)).ToList(),
            ("rpm", "rocky") => [$"Rocky Linux:{major}"],
            ("rpm", "almalinux") => [$"AlmaLinux:{major}"],
            ("rpm", "opensuse" or "opensuse-leap") => [$"openSUSE:Leap {release}"],
            _ => [],
        };
        if (ecosystems.Count == 0)
        {
            reason = $"no OSV ecosystem for {purl.Type} distro '{distro}'";
            return null;
        }

        return new OsvQuery(ecosystems, names, version);
    }

    /// <summary><c>Red Hat:enterprise_linux:9::baseos</c> and <c>Red Hat:rhel_eus:9.2::appstream</c> are release 9.</summary>
    private static bool IsRedHatRelease(string ecosystem, string major)
    {
        var parts = ecosystem.Split(':');
        return parts.Length >= 3 && parts[0] == "Red Hat" && (parts[2] == major || parts[2].StartsWith(major + ".", StringComparison.Ordinal));
    }

    private static (string? Id, string? Release) SplitDistro(string? distro, string? purlNamespace)
    {
        if (string.IsNullOrWhiteSpace(distro))
        {
            return (purlNamespace, null);
        }

        // "debian-12.11", "alpine-3.20.3", "rhel-9.4", or Trivy's bare "3.20.3" with the id in the purl namespace.
        var dash = distro.LastIndexOf('-');
        if (dash > 0 && dash < distro.Length - 1 && char.IsAsciiDigit(distro[dash + 1]))
        {
            return (distro[..dash].ToLowerInvariant(), distro[(dash + 1)..]);
        }

        return char.IsAsciiDigit(distro[0]) ? (purlNamespace, distro) : (distro.ToLowerInvariant(), null);
    }
}
