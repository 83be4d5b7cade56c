using System.Globalization;

namespace Vigil.Scanning.Versions;

/// <summary>
/// RPM <c>[epoch:]version[-release]</c> ordered as rpm's <c>rpmvercmp</c>: alternating digit and letter segments,
/// separators ignored, <c>~</c> sorts before anything (pre-releases) and <c>^</c> after the base but before any further
/// segment (snapshots). A missing epoch is 0. Used for Red Hat, Rocky, Alma, SUSE and other rpm distributions.
/// </summary>
public sealed class RpmVersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static RpmVersionComparer Instance { get; } = new();

    private static readonly ParseCache<Evr> Cache = new(text => TryParse(text, out var evr) ? evr : null);

    /// <inheritdoc />
    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (Cache.Get(left) is not { } a || Cache.Get(right) is not { } b)
        {
            return false;
        }

        order = a.Epoch.CompareTo(b.Epoch);
        if (order == 0)
        {
            order = Vercmp(a.Version, b.Version);
        }

        if (order == 0 && a.Release is not null && b.Release is not null)
        {
            // rpm compares releases only when both sides carry one, so "1.0" matches every "1.0-N".
            order = Vercmp(a.Release, b.Release);
        }

        return true;
    }

    private sealed record Evr(long Epoch, string Version, string? Release);

    private static bool TryParse(string text, out Evr? evr)
    {
        evr = null;
        text = text.Trim();
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        long epoch = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (colon > 0 && !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out epoch))
            {
                return false;
            }

            text = text[(colon + 1)..];
        }

        var dash = text.LastIndexOf('-');
        var version = dash >= 0 ? text[..dash] : text;
        var release = dash >= 0 ? text[(dash + 1)..] : null;
        if (version.Length == 0)
        {
            return false;
        }

        evr = new Evr(epoch, version, release);
        return true;
    }

    /// <summary>rpm's segment comparison of one version or release string.</summary>
    public static int Vercmp(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !char.IsAsciiLetterOrDigit(a[i]) && a[i] is not ('~' or '^'))
            {
                i++;
            }

            while (j < b.Length && !char.IsAsciiLetterOrDigit(b[j]) && b[j] is not ('~' or '^'))
            {
                j++;
            }

            var ca = i < a.Length ? a[i] : '\0';
            var cb = j < b.Length ? b[j] : '\0';
            if (ca == '~' || cb == '~')
            {
                if (ca != '~')
                {
                    return 1;
                }

                if (cb != '~')
                {
                    return -1;
                }

                i++;
                j++;
                continue;
            }

            if (ca == '^' || cb == '^')
            {
                if (i >= a.Length)
                {
                    return -1;
                }

                if (j >= b.Length)
                {
                    return 1;
                }

                if (ca != '^')
                {
                    return 1;
                }

                if (cb != '^')
                {
                    return -1;
                }

                i++;
                j++;
                continue;
            }

            if (i >= a.Length || j >= b.Length)
            {
                break;
            }

            var numeric = char.IsAsciiDigit(a[i]);
            var si = i;
            var sj = j;
            Func<char, bool> inSegment = numeric ? char.IsAsciiDigit : char.IsAsciiLetter;
            while (i < a.Length && inSegment(a[i]))
            {
                i++;
            }

            while (j < b.Length && inSegment(b[j]))
            {
                j++;
            }

            if (sj == j)
            {
                // Segments of different kinds: a number is newer than letters.
                return numeric ? 1 : -1;
            }

            var segA = a.AsSpan(si, i - si);
            var segB = b.AsSpan(sj, j - sj);
            if (numeric)
            {
                segA = segA.TrimStart('0');
                segB = segB.TrimStart('0');
                if (segA.Length != segB.Length)
                {
                    return segA.Length > segB.Length ? 1 : -1;
                }
            }

            var rc = segA.SequenceCompareTo(segB);
            if (rc != 0)
            {
                return rc < 0 ? -1 : 1;
            }
        }

        var endA = i >= a.Length;
        var endB = j >= b.Length;
        if (endA && endB)
        {
            return 0;
        }

        return endA ? -1 : 1;
    }
}
