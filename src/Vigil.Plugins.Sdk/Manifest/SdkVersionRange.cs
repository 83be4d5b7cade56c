using System.Globalization;

namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>
/// The SDK versions a plugin accepts, as written in its manifest's <c>sdk</c> field: <c>^1.2</c> (1.2 up to, not
/// including, 2.0; a bare <c>1.2</c> means the same), or explicit bounds <c>&gt;=1.2 &lt;3.0</c>.
/// </summary>
public sealed record SdkVersionRange
{
    private SdkVersionRange(Version minimum, Version? belowMaximum, string text)
    {
        Minimum = minimum;
        Below = belowMaximum;
        Text = text;
    }

    /// <summary>The lowest accepted version (inclusive).</summary>
    public Version Minimum { get; }

    /// <summary>The first version not accepted (exclusive), or null for no upper bound.</summary>
    public Version? Below { get; }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    /// <summary>Whether <paramref name="version"/> lies in the range.</summary>
    public bool Includes(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var normalized = Normalize(version);
        return normalized >= Minimum && (Below is null || normalized < Below);
    }

    /// <summary>Parses a range.</summary>
    /// <exception cref="FormatException">The text is not one of the accepted forms.</exception>
    public static SdkVersionRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith('^') || (trimmed.Length > 0 && char.IsAsciiDigit(trimmed[0])))
        {
            var minimum = ParseVersion(trimmed.TrimStart('^'), text);
            return new SdkVersionRange(minimum, new Version(minimum.Major + 1, 0, 0), trimmed);
        }

        Version? lower = null, upper = null;
        foreach (var part in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(">=", StringComparison.Ordinal) && lower is null)
            {
                lower = ParseVersion(part[2..], text);
            }
            else if (part.StartsWith('<') && !part.StartsWith("<=", StringComparison.Ordinal) && upper is null)
            {
                upper = ParseVersion(part[1..], text);
            }
            else
            {
                throw Invalid(text);
            }
        }

        return lower is null || (upper is not null && upper <= lower) ? throw Invalid(text) : new SdkVersionRange(lower, upper, trimmed);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static Version ParseVersion(string value, string text)
    {
        var parts = value.Split('.');
        if (parts.Length is < 1 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            throw Invalid(text);
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new Version(numbers[0], numbers.Length > 1 ? numbers[1] : 0, numbers.Length > 2 ? numbers[2] : 0);
    }

    private static Version Normalize(Version v) => new(v.Major, Math.Max(v.Minor, 0), Math.Max(v.Build, 0));

    private static FormatException Invalid(string text) =>
        new($"SDK version range '{text}' is not valid: write '^1.0' or '>=1.0 <2.0'.");
}
