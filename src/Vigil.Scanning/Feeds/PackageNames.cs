using System.Text.RegularExpressions;

namespace Vigil.Scanning.Feeds;

/// <summary>
/// Normalises package names per ecosystem so that a component and an advisory name the same package the same way:
/// PEP 503 for PyPI, case-insensitive NuGet, Composer and crates.io; everything else is case-sensitive and kept.
/// </summary>
public static partial class PackageNames
{
    [GeneratedRegex("[-_.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Pep503Separators();

    /// <summary>The index key for <paramref name="name"/> in <paramref name="ecosystem"/> (release suffix ignored).</summary>
    public static string Normalize(string ecosystem, string name)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        ArgumentNullException.ThrowIfNull(name);
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        var family = colon >= 0 ? ecosystem[..colon] : ecosystem;
        var trimmed = name.Trim();
        return family switch
        {
            "PyPI" => Pep503Separators().Replace(trimmed, "-").ToLowerInvariant(),
            "NuGet" or "Packagist" or "crates.io" => trimmed.ToLowerInvariant(),
            _ => trimmed,
        };
    }
}
