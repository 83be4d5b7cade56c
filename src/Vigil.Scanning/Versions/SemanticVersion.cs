using System.Numerics;

namespace Vigil.Scanning.Versions;

/// <summary>
/// A SemVer 2.0.0 version: three numeric parts, an optional dot-separated pre-release and build metadata that takes no
/// part in ordering. Numbers are arbitrary precision because real feeds carry values beyond 64 bits.
/// </summary>
/// <param name="Major">Major version.</param>
/// <param name="Minor">Minor version.</param>
/// <param name="Patch">Patch version.</param>
/// <param name="Prerelease">Pre-release identifiers, empty for a release.</param>
public sealed record SemanticVersion(BigInteger Major, BigInteger Minor, BigInteger Patch, IReadOnlyList<string> Prerelease)
    : IComparable<SemanticVersion>
{
    /// <summary>Parses a strict SemVer 2.0.0 string (no leading <c>v</c>, no leading zeros).</summary>
    /// <param name="text">The version text.</param>
    /// <param name="version">The parsed version.</param>
    /// <returns>Whether the text is a valid SemVer 2.0.0 version.</returns>
    public static bool TryParse(string text, out SemanticVersion? version)
    {
        version = null;
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            var build = text[(plus + 1)..];
            if (!AreIdentifiers(build, allowLeadingZero: true))
            {
                return false;
            }

            text = text[..plus];
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        string[] prerelease = [];
        if (dash >= 0)
        {
            var pre = text[(dash + 1)..];
            if (!AreIdentifiers(pre, allowLeadingZero: false))
            {
                return false;
            }

            prerelease = pre.Split('.');
            text = text[..dash];
        }

        var parts = text.Split('.');
        if (parts.Length != 3 || !TryNumber(parts[0], out var major) || !TryNumber(parts[1], out var minor) || !TryNumber(parts[2], out var patch))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch, prerelease);
        return true;
    }

    private static bool TryNumber(string part, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (part.Length == 0 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = BigInteger.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static bool AreIdentifiers(string text, bool allowLeadingZero)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var id in text.Split('.'))
        {
            if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }

            if (!allowLeadingZero && id.Length > 1 && id[0] == '0' && id.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        if (c == 0)
        {
            c = Patch.CompareTo(other.Patch);
        }

        return c != 0 ? Math.Sign(c) : ComparePrerelease(Prerelease, other.Prerelease, StringComparer.Ordinal);
    }

    /// <summary>SemVer §11 pre-release precedence; a release sorts after all of its pre-releases.</summary>
    internal static int ComparePrerelease(IReadOnlyList<string> a, IReadOnlyList<string> b, StringComparer textOrder)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return b.Count.CompareTo(a.Count) switch { < 0 => -1, > 0 => 1, _ => 0 };
        }

        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var x = a[i];
            var y = b[i];
            var xNumeric = x.All(char.IsAsciiDigit);
            var yNumeric = y.All(char.IsAsciiDigit);
            int c;
            if (xNumeric && yNumeric)
            {
                c = BigInteger.Parse(x, System.Globalization.CultureInfo.InvariantCulture).CompareTo(BigInteger.Parse(y, System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (xNumeric != yNumeric)
            {
                c = xNumeric ? -1 : 1;
            }
            else
            {
                c = textOrder.Compare(x, y);
            }

            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return Math.Sign(a.Count.CompareTo(b.Count));
    }
}
