namespace Vigil.Scanning.Versions;

/// <summary>
/// Alpine apk versions (<c>1.2.3a_rc1_p2-r4</c>) ordered as apk-tools' tokenising comparison: dotted numbers (a
/// component after a dot with a leading zero compares as a fraction), one optional letter, suffixes where
/// <c>_alpha &lt; _beta &lt; _pre &lt; _rc &lt;</c> release <c>&lt; _cvs &lt; _svn &lt; _git &lt; _hg &lt; _p</c>, then <c>-rN</c>.
/// </summary>
public sealed class AlpineVersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static AlpineVersionComparer Instance { get; } = new();

    private static readonly ParseCache<string> Valid = new(text => IsValid(text.Trim()) ? text.Trim() : null);

    private static readonly string[] PreSuffixes = ["alpha", "beta", "pre", "rc"];
    private static readonly string[] PostSuffixes = ["cvs", "svn", "git", "hg", "p"];

    // Token kinds in apk-tools' order; the order matters: a version that ends earlier in this sequence is newer.
    private const int Invalid = -1;
    private const int DigitOrZero = 0;
    private const int Digit = 1;
    private const int Letter = 2;
    private const int Suffix = 3;
    private const int SuffixNumber = 4;
    private const int RevisionNumber = 5;
    private const int End = 6;

    /// <inheritdoc />
    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (Valid.Get(left) is not { } a || Valid.Get(right) is not { } b)
        {
            return false;
        }

        order = Compare(a, b);
        return true;
    }

    private static bool IsValid(string version)
    {
        if (version.Length == 0 || !char.IsAsciiDigit(version[0]))
        {
            return false;
        }

        var cursor = new Cursor(version);
        var type = Digit;
        while (type != End)
        {
            if (type == Invalid)
            {
                return false;
            }

            NextValue(ref type, ref cursor);
        }

        return true;
    }

    private static int Compare(string left, string right)
    {
        var a = new Cursor(left);
        var b = new Cursor(right);
        int at = Digit, bt = Digit;
        long av = 0, bv = 0;
        while (at == bt && at != End && at != Invalid && av == bv)
        {
            av = NextValue(ref at, ref a);
            bv = NextValue(ref bt, ref b);
        }

        if (av != bv)
        {
            return av < bv ? -1 : 1;
        }

        if (at == bt)
        {
            return 0;
        }

        var tt = at;
        var probe = a;
        if (at == Suffix && NextValue(ref tt, ref probe) < 0)
        {
            return -1;
        }

        tt = bt;
        probe = b;
        if (bt == Suffix && NextValue(ref tt, ref probe) < 0)
        {
            return 1;
        }

        return at > bt ? -1 : 1;
    }

    private struct Cursor(string text)
    {
        public readonly string Text = text;
        public int Position;

        public readonly int Remaining => Text.Length - Position;

        public readonly char Peek(int offset = 0) => Position + offset < Text.Length ? Text[Position + offset] : '\0';
    }

    private static long NextValue(ref int type, ref Cursor c)
    {
        if (c.Remaining <= 0)
        {
            type = End;
            return 0;
        }

        long value = 0;
        var length = 0;
        var nextType = Invalid;
        switch (type)
        {
            case DigitOrZero when c.Peek() == '0' && char.IsAsciiDigit(c.Peek(1)):
                // A component written with leading zeros reads as a fraction: 1.05 < 1.1 and 1.05 < 1.5.
                while (length < c.Remaining && c.Peek(length) == '0')
                {
                    length++;
                }

                nextType = Digit;
                value = -length;
                break;
            case DigitOrZero:
            case Digit:
            case SuffixNumber:
            case RevisionNumber:
                while (length < c.Remaining && char.IsAsciiDigit(c.Peek(length)))
                {
                    // Saturate instead of overflowing on absurdly long digit runs.
                    value = value > long.MaxValue / 10 ? long.MaxValue : (value * 10) + (c.Peek(length) - '0');
                    length++;
                }

                break;
            case Letter:
                value = c.Peek();
                length = 1;
                break;
            case Suffix:
                var rest = c.Text[c.Position..];
                var pre = Array.FindIndex(PreSuffixes, s => rest.StartsWith(s, StringComparison.Ordinal));
                if (pre >= 0)
                {
                    length = PreSuffixes[pre].Length;
                    value = pre - PreSuffixes.Length;
                    nextType = SuffixNumber;
                    break;
                }

                var post = Array.FindIndex(PostSuffixes, s => rest.StartsWith(s, StringComparison.Ordinal));
                if (post >= 0)
                {
                    length = PostSuffixes[post].Length;
                    value = post;
                    nextType = SuffixNumber;
                    break;
                }

                type = Invalid;
                return -1;
            default:
                type = Invalid;
                return -1;
        }

        c.Position += length;
        if (c.Remaining == 0)
        {
            type = End;
        }
        else if (nextType != Invalid)
        {
            type = nextType;
        }
        else
        {
            AdvanceToken(ref type, ref c);
        }

        return value;
    }

    private static void AdvanceToken(ref int type, ref Cursor c)
    {
        var next = Invalid;
        var ch = c.Peek();
        if (c.Remaining == 0)
        {
            next = End;
        }
        else if ((type == Digit || type == DigitOrZero) && char.IsAsciiLetterLower(ch))
        {
            next = Letter;
        }
        else if (type == Letter && char.IsAsciiDigit(ch))
        {
            next = Digit;
        }
        else if (type == Suffix && char.IsAsciiDigit(ch))
        {
            next = SuffixNumber;
        }
        else
        {
            switch (ch)
            {
                case '.':
                    next = DigitOrZero;
                    break;
                case '_':
                    next = Suffix;
                    break;
                case '-' when c.Peek(1) == 'r':
                    next = RevisionNumber;
                    c.Position++;
                    break;
            }

            c.Position++;
        }

        if (next < type && !((next == DigitOrZero && type == Digit) || (next == Suffix && type == SuffixNumber) || (next == Digit && type == Letter)))
        {
            next = Invalid;
        }

        type = next;
    }
}
