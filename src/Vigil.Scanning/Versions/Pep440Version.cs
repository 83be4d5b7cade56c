using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Vigil.Scanning.Versions;

/// <summary>
/// A PEP 440 version, parsed with the specification's permissive grammar (alternative spellings, separators, implicit
/// numbers, a leading <c>v</c>) and ordered by its normalised form: epoch, release without trailing zeros, then
/// dev-only &lt; pre-release &lt; release &lt; post-release, dev releases before their base, local versions after it.
/// </summary>
public sealed partial class Pep440Version : IComparable<Pep440Version>
{
    private Pep440Version()
    {
    }

    private BigInteger Epoch { get; init; }

    private BigInteger[] Release { get; init; } = [];

    /// <summary>Pre-release phase: 0 alpha, 1 beta, 2 rc; -1 none.</summary>
    private int PrePhase { get; init; } = -1;

    private BigInteger PreNumber { get; init; }

    private BigInteger? Post { get; init; }

    private BigInteger? Dev { get; init; }

    private string[] Local { get; init; } = [];

    [GeneratedRegex(@"^\s*v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 200)]
    private static partial Regex Grammar();

    /// <summary>Parses a PEP 440 version; returns <c>false</c> for anything the specification does not accept.</summary>
    public static bool TryParse(string text, out Pep440Version? version)
    {
        version = null;
        Match m;
        try
        {
            m = Grammar().Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!m.Success)
        {
            return false;
        }

        var release = m.Groups["release"].Value.Split('.').Select(Number).ToArray();
        var trimmed = release.Length;
        while (trimmed > 1 && release[trimmed - 1].IsZero)
        {
            trimmed--;
        }

        var prePhase = -1;
        if (m.Groups["pre"].Success)
        {
            prePhase = m.Groups["pre_l"].Value.ToLowerInvariant() switch
            {
                "a" or "alpha" => 0,
                "b" or "beta" => 1,
                _ => 2,
            };
        }

        BigInteger? post = null;
        if (m.Groups["post"].Success)
        {
            post = m.Groups["post_n1"].Success ? Number(m.Groups["post_n1"].Value) : m.Groups["post_n2"].Success ? Number(m.Groups["post_n2"].Value) : BigInteger.Zero;
        }

        version = new Pep440Version
        {
            Epoch = m.Groups["epoch"].Success ? Number(m.Groups["epoch"].Value) : BigInteger.Zero,
            Release = release[..trimmed],
            PrePhase = prePhase,
            PreNumber = m.Groups["pre_n"].Success ? Number(m.Groups["pre_n"].Value) : BigInteger.Zero,
            Post = post,
            Dev = m.Groups["dev"].Success ? (m.Groups["dev_n"].Success ? Number(m.Groups["dev_n"].Value) : BigInteger.Zero) : null,
            Local = m.Groups["local"].Success ? m.Groups["local"].Value.ToLowerInvariant().Split('-', '_', '.') : [],
        };
        return true;
    }

    private static BigInteger Number(string digits) => BigInteger.Parse(digits, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public int CompareTo(Pep440Version? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Epoch.CompareTo(other.Epoch);
        if (c != 0)
        {
            return Math.Sign(c);
        }

        for (var i = 0; i < Math.Max(Release.Length, other.Release.Length); i++)
        {
            var x = i < Release.Length ? Release[i] : BigInteger.Zero;
            var y = i < other.Release.Length ? other.Release[i] : BigInteger.Zero;
            c = x.CompareTo(y);
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        c = PreKey().CompareTo(other.PreKey());
        if (c != 0)
        {
            return Math.Sign(c);
        }

        c = (Post ?? BigInteger.MinusOne).CompareTo(other.Post ?? BigInteger.MinusOne);
        if (c != 0)
        {
            return Math.Sign(c);
        }

        // No dev segment sorts after any dev segment of the same base.
        c = (Dev is null).CompareTo(other.Dev is null);
        if (c == 0 && Dev is not null)
        {
            c = Dev.Value.CompareTo(other.Dev!.Value);
        }

        return c != 0 ? Math.Sign(c) : CompareLocal(Local, other.Local);
    }

    /// <summary>(rank, number): a dev release without pre or post sorts before every pre-release of its base.</summary>
    private (int Rank, BigInteger Number) PreKey()
    {
        if (PrePhase < 0)
        {
            return Post is null && Dev is not null ? (-1, BigInteger.Zero) : (3, BigInteger.Zero);
        }

        return (PrePhase, PreNumber);
    }

    private static int CompareLocal(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var xNumeric = a[i].All(char.IsAsciiDigit);
            var yNumeric = b[i].All(char.IsAsciiDigit);
            int c;
            if (xNumeric && yNumeric)
            {
                c = Number(a[i]).CompareTo(Number(b[i]));
            }
            else if (xNumeric != yNumeric)
            {
                // Numeric local segments sort after alphanumeric ones.
                c = xNumeric ? 1 : -1;
            }
            else
            {
                c = string.CompareOrdinal(a[i], b[i]);
            }

            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return Math.Sign(a.Length.CompareTo(b.Length));
    }
}
