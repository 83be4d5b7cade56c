using Vigil.Scanning.Purls;

namespace Vigil.Scanning.Catalogers;

/// <summary>
/// Purls of distro packages: namespace from the OS id, <c>arch</c> and <c>distro</c> qualifiers, and an epoch
/// (<c>1:2.3-4</c>) moved from the version into the <c>epoch</c> qualifier as the purl spec wants for deb and rpm.
/// </summary>
public static class DistroPurls
{
    private static readonly Dictionary<string, string> DefaultNamespace = new(StringComparer.Ordinal)
    {
        ["deb"] = "debian",
        ["apk"] = "alpine",
        ["rpm"] = "redhat",
    };

    /// <summary>Builds the purl of a distro package installed in a tree with <paramref name="context"/>.</summary>
    public static PackageUrl Create(string type, CatalogContext context, string name, string version, string? arch, string? epoch = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(version);
        var colon = version.IndexOf(':', StringComparison.Ordinal);
        if (type != "apk" && colon > 0 && version[..colon].All(char.IsAsciiDigit))
        {
            epoch = version[..colon];
            version = version[(colon + 1)..];
        }

        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(arch))
        {
            qualifiers["arch"] = arch;
        }

        if (context.Distro is { } distro)
        {
            qualifiers["distro"] = distro;
        }

        if (!string.IsNullOrEmpty(epoch) && epoch != "0")
        {
            qualifiers["epoch"] = epoch;
        }

        var ns = context.OperatingSystem?.Id ?? DefaultNamespace.GetValueOrDefault(type, type);
        return new PackageUrl(type, ns, name, version, qualifiers);
    }
}
