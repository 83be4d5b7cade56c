namespace Vigil.Scanning.Versions;

/// <summary>
/// Debian package versions (<c>[epoch:]upstream[-revision]</c>) ordered as dpkg's <c>verrevcmp</c> does: letters sort
/// before non-letters, <c>~</c> sorts before everything including the end of the string, digit runs compare numerically.
/// Also used for Ubuntu.
/// </summary>
public sealed class DebianVersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static DebianVersionComparer Instance { get; } = new();

    private static readonly ParseCache<Parsed> Cache = new(text => TryParse(text, out var parsed) ? parsed : null);

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
            order = Math.Sign(CompareFragment(a.Upstream, b.Upstream));
        }

        if (order == 0)
        {
            order = Math.Sign(CompareFragment(a.Revision, b.Revision));
        }

        return true;
    }

    private sealed record Parsed(long Epoch, string Upstream, string Revision);

    private static bool TryParse(string version, out Parsed? parsed)
    {
        parsed = null;
        var text = version.Trim();
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        long epoch = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (!long.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out epoch))
            {
                return false;
            }

            text = text[(colon + 1)..];
        }

        var dash = text.LastIndexOf('-');
        var upstream = dash >= 0 ? text[..dash] : text;
        var revision = dash >= 0 ? text[(dash + 1)..] : string.Empty;
        // dpkg refuses an empty upstream part and one that does not start with a digit is only a warning there;
        // we accept the latter so real-world oddities still compare the way dpkg orders them.
        if (upstream.Length == 0 || (dash >= 0 && revision.Length == 0))
        {
            return false;
        }

        foreach (var c in upstream.Concat(revision))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~' or '-' or ':'))
            {
                return false;
            }
        }

        parsed = new Parsed(epoch, upstream, revision);
        return true;
    }

    private static int Order(string s, int i)
    {
        if (i >= s.Length)
        {
            return 0;
        }

        var c = s[i];
        if (char.IsAsciiDigit(c))
        {
            return 0;
        }

        if (char.IsAsciiLetter(c))
        {
            return c;
        }

        return c == '~' ? -1 : c + 256;
    }

    private static int CompareFragment(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var ac = Order(a, i);
                var bc = Order(b, j);
                if (ac != bc)
                {
                    return ac - bc;
                }

                i++;
                j++;
            }

            while (i < a.Length && a[i] == '0')
            {
                i++;
            }

            while (j < b.Length && b[j] == '0')
            {
                j++;
            }

            var firstDiff = 0;
            while (i < a.Length && j < b.Length && char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                if (firstDiff == 0)
                {
                    firstDiff = a[i] - b[j];
                }

                i++;
                j++;
            }

            if (i < a.Length && char.IsAsciiDigit(a[i]))
            {
                return 1;
            }

            if (j < b.Length && char.IsAsciiDigit(b[j]))
            {
                return -1;
            }

            if (firstDiff != 0)
            {
                return firstDiff;
            }
        }

        return 0;
    }
}
