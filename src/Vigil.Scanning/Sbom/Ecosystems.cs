using Vigil.Scanning.Purls;

namespace Vigil.Scanning.Sbom;

/// <summary>
/// OSV ecosystem names (without release suffix) and how they follow from a purl, so that an SBOM read back from
/// CycloneDX, which only stores purls, yields the same <see cref="Component.Ecosystem"/> the catalogers set.
/// </summary>
public static class Ecosystems
{
    public const string Debian = "Debian";
    public const string Ubuntu = "Ubuntu";
    public const string Alpine = "Alpine";
    public const string RedHat = "Red Hat";
    public const string Rpm = "RPM";
    public const string Npm = "npm";
    public const string PyPI = "PyPI";
    public const string NuGet = "NuGet";
    public const string Go = "Go";
    public const string CratesIo = "crates.io";
    public const string RubyGems = "RubyGems";
    public const string Packagist = "Packagist";
    public const string Maven = "Maven";

    /// <summary>The OSV ecosystem of <paramref name="purl"/>, or the purl type itself when OSV has no name for it.</summary>
    public static string FromPurl(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        return purl.Type switch
        {
            "deb" => purl.Namespace == "ubuntu" ? Ubuntu : Debian,
            "apk" => Alpine,
            "rpm" => purl.Namespace is "redhat" or "rhel" ? RedHat : Rpm,
            "npm" => Npm,
            "pypi" => PyPI,
            "nuget" => NuGet,
            "golang" => Go,
            "cargo" => CratesIo,
            "gem" => RubyGems,
            "composer" => Packagist,
            "maven" => Maven,
            _ => purl.Type,
        };
    }
}
