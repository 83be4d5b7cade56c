namespace Vigil.Scanning.Versions;

/// <summary>
/// PHP's <c>version_compare</c>: the string is canonicalised (<c>-</c>, <c>_</c>, <c>+</c> become <c>.</c>, and a dot is
/// inserted between digit and non-digit runs), then parts compare numerically or by the special forms
/// <c>dev &lt; alpha = a &lt; beta = b &lt; RC = rc &lt; # (a number) &lt; pl = p</c>; unknown words sort first.
/// </summary>
internal static class PhpVersionCompare
{
    private static readonly (string Name, int Order)[] SpecialForms =
        [("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", 4), ("pl", 5), ("p", 5)];

    public static int Compare(string left, string right)
    {
        var a = Canonicalize(left);
        var b = Canonicalize(right);
        var i = 0;
        for (; i < Math.Min(a.Count, b.Count); i++)
        {
            var c = ComparePart(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        if (i < a.Count)
        {
            return char.IsAsciiDigit(a[i][0]) ? 1 : ComparePart(a[i], "#");
        }

        if (i < b.Count)
        {
            return char.IsAsciiDigit(b[i][0]) ? -1 : ComparePart("#", b[i]);
        }

        return 0;
    }

    private static int ComparePart(string x, string y)
    {
        var xDigit = char.IsAsciiDigit(x[0]);
        var yDigit = char.IsAsciiDigit(y[0]);
        if (xDigit && yDigit)
        {
            var tx = x.TrimStart('0');
            var ty = y.TrimStart('0');
            return tx.Length != ty.Length ? Math.Sign(tx.Length - ty.Length) : Math.Sign(string.CompareOrdinal(tx, ty));
        }

        var ox = xDigit ? Special("#") : Special(x);
        var oy = yDigit ? Special("#") : Special(y);
        return Math.Sign(ox - oy);
    }

    private static int Special(string form)
    {
        foreach (var (name, order) in SpecialForms)
        {
            // PHP matches by prefix: "patch" is "p", "beta" is "b" only when "beta" did not match first.
            if (form.StartsWith(name, StringComparison.Ordinal))
            {
                return order;
            }
        }

        return -6;
    }

    private static List<string> Canonicalize(string version)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var kind = 0; // 0 none, 1 digit, 2 other
        foreach (var ch in version)
        {
            if (ch is '-' or '_' or '+' or '.')
            {
                Flush();
                continue;
            }

            var k = char.IsAsciiDigit(ch) ? 1 : 2;
            if (kind != 0 && k != kind)
            {
                Flush();
            }

            kind = k;
            current.Append(ch);
        }

        Flush();
        return parts;

        void Flush()
        {
            if (current.Length > 0)
            {
                parts.Add(current.ToString());
            }

            current.Clear();
            kind = 0;
        }
    }
}
