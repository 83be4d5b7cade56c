using Vigil.Scanning.Purls;

namespace Vigil.Scanning.Catalogers;

/// <summary>Purls of language packages, built from the names their manifests write.</summary>
public static class LanguagePurls
{
    /// <summary><c>@scope/name</c> becomes namespace <c>@scope</c> and name <c>name</c>.</summary>
    public static PackageUrl Npm(string name, string version)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return name.StartsWith('@') && slash > 0
            ? new PackageUrl("npm", name[..slash], name[(slash + 1)..], version)
            : new PackageUrl("npm", null, name, version);
    }

    /// <summary>A PyPI purl; the name is PEP 503-normalised by the purl rules.</summary>
    public static PackageUrl PyPI(string name, string version) => new("pypi", null, name, version);

    /// <summary>A NuGet purl; NuGet ids are case-insensitive and kept as written.</summary>
    public static PackageUrl NuGet(string id, string version) => new("nuget", null, id, version);

    /// <summary>A Go module purl: the module path's last segment is the name, the rest the namespace.</summary>
    public static PackageUrl Golang(string modulePath, string version)
    {
        ArgumentNullException.ThrowIfNull(modulePath);
        var slash = modulePath.LastIndexOf('/');
        return slash > 0
            ? new PackageUrl("golang", modulePath[..slash], modulePath[(slash + 1)..], version)
            : new PackageUrl("golang", null, modulePath, version);
    }

    /// <summary>A Composer purl from <c>vendor/name</c>.</summary>
    public static PackageUrl Composer(string name, string version)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            ? new PackageUrl("composer", name[..slash], name[(slash + 1)..], version)
            : new PackageUrl("composer", null, name, version);
    }

    /// <summary>Whether a manifest's version is a real release rather than a path, URL or git reference.</summary>
    public static bool IsReleaseVersion(string? version) =>
        !string.IsNullOrWhiteSpace(version)
        && !version.Contains(':', StringComparison.Ordinal)
        && !version.Contains('/', StringComparison.Ordinal)
        && !version.StartsWith("link", StringComparison.Ordinal);
}
