using Vigil.Scanning.Purls;

namespace Vigil.Scanning.Sbom;

/// <summary>
/// Normalises a purl's <c>distro</c> qualifier to Vigil's <c>ID-VERSION_ID</c> form (contracts §5): Syft's
/// <c>debian-12</c> is kept, Trivy's <c>debian-12.11</c> becomes <c>debian-12</c> (Debian's VERSION_ID has no point
/// release) and Trivy's bare <c>3.20.3</c> gets the purl namespace in front.
/// </summary>
public static class DistroQualifier
{
    /// <summary>The normalised distro of <paramref name="purl"/>, or null when it has none.</summary>
    public static string? Normalize(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        if (!purl.Qualifiers.TryGetValue("distro", out var value))
        {
            return null;
        }

        var dash = value.IndexOf('-', StringComparison.Ordinal);
        var hasId = dash > 0 && !char.IsAsciiDigit(value[0]);
        var id = hasId ? value[..dash] : purl.Namespace ?? purl.Type;
        var version = hasId ? value[(dash + 1)..] : value;
        if (!hasId && !char.IsAsciiDigit(value[0]))
        {
            // A codename or bare ID ("bookworm", "debian"): nothing to normalise.
            return value;
        }

        if (id is "debian" && version.Contains('.', StringComparison.Ordinal))
        {
            version = version[..version.IndexOf('.', StringComparison.Ordinal)];
        }

        return $"{id}-{version}";
    }
}
