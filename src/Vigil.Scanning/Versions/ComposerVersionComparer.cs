using System.Text.RegularExpressions;

namespace Vigil.Scanning.Versions;

/// <summary>
/// Packagist (Composer) versions: normalised as Composer's <c>VersionParser::normalize</c> does (optional <c>v</c>,
/// four numeric parts, stability suffix <c>alpha|beta|RC|patch</c> with its number, <c>-dev</c>) and then ordered with
/// PHP's <c>version_compare</c>, which is what Composer's constraints use. Branch names (<c>dev-main</c>) are not
/// comparable.
/// </summary>
public sealed partial class ComposerVersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static ComposerVersionComparer Instance { get; } = new();

    private static readonly ParseCache<string> Cache = new(text => TryNormalize(text, out var n) ? n : null);

    [GeneratedRegex(@"^v?(?<num>\d{1,5}(?:\.\d+){0,3}|\d{4}-?\d{2}-?\d{2}(?:[.:-]?\d{2}){0,3})(?:[._-]?(?<stability>stable|beta|b|rc|alpha|a|patch|pl|p)(?<stabnum>(?:[.-]?\d+)*)?)?(?<dev>[.-]?dev)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 200)]
    private static partial Regex Grammar();

    /// <inheritdoc />
    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (Cache.Get(left) is not { } a || Cache.Get(right) is not { } b)
        {
            return false;
        }

        order = PhpVersionCompare.Compare(a, b);
        return true;
    }

    /// <summary>Composer's normalised form, e.g. <c>v2.1-beta2</c> becomes <c>2.1.0.0-beta2</c>.</summary>
    public static bool TryNormalize(string version, out string normalized)
    {
        normalized = string.Empty;
        var text = version.Trim();
        // Build metadata and inline aliases ("1.0 as 1.1") take no part in ordering.
        var alias = text.IndexOf(" as ", StringComparison.OrdinalIgnoreCase);
        if (alias >= 0)
        {
            text = text[..alias];
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            text = text[..plus];
        }

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

        var number = m.Groups["num"].Value;
        if (!number.Contains('-', StringComparison.Ordinal) && number.Length < 8 || number.Contains('.', StringComparison.Ordinal))
        {
            var parts = number.Split('.').ToList();
            while (parts.Count < 4)
            {
                parts.Add("0");
            }

            number = string.Join('.', parts);
        }
        else
        {
            number = Regex.Replace(number, @"\D", ".", RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }

        if (m.Groups["stability"].Success)
        {
            var stability = m.Groups["stability"].Value.ToLowerInvariant() switch
            {
                "a" or "alpha" => "alpha",
                "b" or "beta" => "beta",
                "rc" => "RC",
                "p" or "pl" or "patch" => "patch",
                _ => "stable",
            };
            if (stability != "stable")
            {
                number += "-" + stability + m.Groups["stabnum"].Value.TrimStart('.', '-');
            }
        }

        if (m.Groups["dev"].Success)
        {
            number += "-dev";
        }

        normalized = number;
        return true;
    }
}
