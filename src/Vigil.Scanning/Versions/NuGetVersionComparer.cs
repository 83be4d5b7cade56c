using System.Numerics;

namespace Vigil.Scanning.Versions;

/// <summary>
/// NuGet versions as NuGet.Versioning orders them: one to four numeric parts (missing parts are 0, leading zeros
/// allowed), SemVer 2.0 pre-release precedence with labels compared case-insensitively, build metadata ignored.
/// </summary>
public sealed class NuGetVersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static NuGetVersionComparer Instance { get; } = new();

    private static readonly ParseCache<Tuple<BigInteger[], string[]>> Cache = new(text => TryParse(text, out var parts, out var pre) ? Tuple.Create(parts, pre) : null);

    /// <inheritdoc />
    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (Cache.Get(left) is not { } x || Cache.Get(right) is not { } y)
        {
            return false;
        }

        var (a, aPre) = (x.Item1, x.Item2);
        var (b, bPre) = (y.Item1, y.Item2);

        for (var i = 0; i < 4; i++)
        {
            var c = a[i].CompareTo(b[i]);
            if (c != 0)
            {
                order = Math.Sign(c);
                return true;
            }
        }

        order = SemanticVersion.ComparePrerelease(aPre, bPre, StringComparer.OrdinalIgnoreCase);
        return true;
    }

    private static bool TryParse(string version, out BigInteger[] parts, out string[] prerelease)
    {
        parts = [0, 0, 0, 0];
        prerelease = [];
        var text = version.Trim();
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            var build = text[(plus + 1)..].Split('.');
            if (build.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                return false;
            }

            text = text[..plus];
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            prerelease = text[(dash + 1)..].Split('.');
            if (prerelease.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                return false;
            }

            text = text[..dash];
        }

        var numbers = text.Split('.');
        if (numbers.Length is < 1 or > 4)
        {
            return false;
        }

        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i].Length == 0 || !numbers[i].All(char.IsAsciiDigit))
            {
                return false;
            }

            parts[i] = BigInteger.Parse(numbers[i], System.Globalization.CultureInfo.InvariantCulture);
        }

        return true;
    }
}
