using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Vigil.Scanning.Versions;

/// <summary>
/// RubyGems versions ordered as <c>Gem::Version#&lt;=&gt;</c>: a <c>-</c> reads as <c>.pre.</c>, segments are digit or
/// letter runs, trailing zeros of the numeric part and of the pre-release part are dropped, a letter segment sorts
/// before a number (so any letter makes a pre-release), and letters compare byte-wise.
/// </summary>
public sealed partial class RubyGemsVersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static RubyGemsVersionComparer Instance { get; } = new();

    private static readonly ParseCache<List<object>> Cache = new(text => TryParse(text, out var segments) ? segments : null);

    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?)?\s*$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Pattern();

    [GeneratedRegex("[0-9]+|[a-zA-Z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();

    /// <inheritdoc />
    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (Cache.Get(left) is not { } a || Cache.Get(right) is not { } b)
        {
            return false;
        }

        var limit = Math.Max(a.Count, b.Count);
        for (var i = 0; i < limit; i++)
        {
            var l = i < a.Count ? a[i] : BigInteger.Zero;
            var r = i < b.Count ? b[i] : BigInteger.Zero;
            if (Equals(l, r))
            {
                continue;
            }

            order = (l, r) switch
            {
                (string, BigInteger) => -1,
                (BigInteger, string) => 1,
                (string x, string y) => Math.Sign(string.CompareOrdinal(x, y)),
                (BigInteger x, BigInteger y) => Math.Sign(x.CompareTo(y)),
                _ => 0,
            };
            return true;
        }

        return true;
    }

    /// <summary>Canonical segments: numbers as <see cref="BigInteger"/>, letters as strings.</summary>
    private static bool TryParse(string version, out List<object> canonical)
    {
        canonical = [];
        try
        {
            if (!Pattern().IsMatch(version))
            {
                return false;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        var text = version.Trim();
        if (text.Length == 0)
        {
            text = "0";
        }

        text = text.Replace("-", ".pre.", StringComparison.Ordinal);
        var segments = Segment().Matches(text)
            .Select(m => char.IsAsciiDigit(m.Value[0]) ? (object)BigInteger.Parse(m.Value, CultureInfo.InvariantCulture) : m.Value)
            .ToList();
        var firstString = segments.FindIndex(s => s is string);
        var numeric = firstString < 0 ? segments : segments[..firstString];
        var rest = firstString < 0 ? [] : segments[firstString..];
        canonical.AddRange(DropTrailingZeros(numeric));
        canonical.AddRange(DropTrailingZeros(rest));
        return true;
    }

    private static IEnumerable<object> DropTrailingZeros(List<object> segments)
    {
        var end = segments.Count;
        while (end > 0 && segments[end - 1] is BigInteger n && n.IsZero)
        {
            end--;
        }

        return segments.Take(end);
    }
}
