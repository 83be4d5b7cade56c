namespace Vigil.Scanning.Matching;

/// <summary>
/// Chooses a finding's primary id among aliases: the advisory of the component's own ecosystem's database (DSA/DLA
/// for Debian, GO- for Go, PYSEC- for PyPI, RUSTSEC- for crates.io, …), then GHSA, then anything but a bare CVE.
/// </summary>
public static class PrimaryIds
{
    private static readonly Dictionary<string, string[]> OwnPrefixes = new(StringComparer.Ordinal)
    {
        ["Debian"] = ["DSA-", "DLA-", "DTSA-", "DEBIAN-"],
        ["Ubuntu"] = ["USN-", "UBUNTU-"],
        ["Alpine"] = ["ALPINE-"],
        ["Red Hat"] = ["RHSA-", "RHBA-", "RHEA-"],
        ["Go"] = ["GO-"],
        ["PyPI"] = ["PYSEC-"],
        ["crates.io"] = ["RUSTSEC-"],
        ["npm"] = ["NSWG-"],
        ["Packagist"] = ["PHPSEC-"],
    };

    /// <summary>The rank of <paramref name="id"/> as primary for <paramref name="ecosystem"/> (lower is better).</summary>
    public static int Rank(string ecosystem, string id)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        ArgumentNullException.ThrowIfNull(id);
        var family = ecosystem.Split(':', 2)[0];
        if (OwnPrefixes.TryGetValue(family, out var prefixes) && prefixes.Any(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return 0;
        }

        if (id.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        return id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase) ? 3 : 2;
    }
}
