namespace Vigil.Scanning.Versions;

/// <summary>Picks the version comparer of an OSV ecosystem (the release suffix such as <c>:12</c> is ignored).</summary>
public static class VersionComparers
{
    /// <summary>The comparer for <paramref name="ecosystem"/>, or <c>null</c> when Vigil has no rules for it.</summary>
    /// <param name="ecosystem">OSV ecosystem, with or without release (<c>Debian:12</c>, <c>Alpine:v3.20</c>, <c>PyPI</c>).</param>
    public static IVersionComparer? ForEcosystem(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        var family = colon >= 0 ? ecosystem[..colon] : ecosystem;
        return family switch
        {
            "Debian" or "Ubuntu" => DebianVersionComparer.Instance,
            "Alpine" or "Wolfi" or "Chainguard" => AlpineVersionComparer.Instance,
            "Red Hat" or "Rocky Linux" or "AlmaLinux" or "SUSE" or "openSUSE" or "Mageia" or "openEuler" => RpmVersionComparer.Instance,
            "npm" or "crates.io" or "Hex" or "Pub" or "SwiftURL" => SemVerComparer.Instance,
            "Go" => GoVersionComparer.Instance,
            "NuGet" => NuGetVersionComparer.Instance,
            "PyPI" => Pep440VersionComparer.Instance,
            "Maven" => MavenVersionComparer.Instance,
            "RubyGems" => RubyGemsVersionComparer.Instance,
            "Packagist" => ComposerVersionComparer.Instance,
            _ => null,
        };
    }
}
