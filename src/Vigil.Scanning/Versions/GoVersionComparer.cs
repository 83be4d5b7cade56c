namespace Vigil.Scanning.Versions;

/// <summary>
/// Go module versions: SemVer with a <c>v</c> prefix (optional here, because OSV writes Go versions without it),
/// pseudo-versions (which are ordinary SemVer pre-releases and order correctly as such), <c>+incompatible</c> ignored,
/// <c>vMAJOR</c> and <c>vMAJOR.MINOR</c> shorthands as <c>golang.org/x/mod/semver</c> accepts them, and Go toolchain
/// spellings for the standard library (<c>go1.21rc2</c> is <c>1.21.0-rc.2</c>, <c>go1.20</c> is <c>1.20.0</c>).
/// </summary>
public sealed class GoVersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static GoVersionComparer Instance { get; } = new();

    private static readonly ParseCache<SemanticVersion> Cache = new(text => TryParse(text, out var v) ? v : null);

    /// <inheritdoc />
    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (Cache.Get(left) is not { } a || Cache.Get(right) is not { } b)
        {
            return false;
        }

        order = a.CompareTo(b);
        return true;
    }

    /// <summary>Parses a Go module or toolchain version.</summary>
    public static bool TryParse(string version, out SemanticVersion? parsed)
    {
        var text = version.Trim();
        if (text.EndsWith("+incompatible", StringComparison.Ordinal))
        {
            text = text[..^"+incompatible".Length];
        }

        if (text.StartsWith("go", StringComparison.Ordinal))
        {
            text = Toolchain(text[2..]);
        }
        else if (text.StartsWith('v'))
        {
            text = text[1..];
        }

        if (SemanticVersion.TryParse(text, out parsed))
        {
            return true;
        }

        // Shorthands: "1" and "1.2" mean "1.0.0" and "1.2.0" (no pre-release or build allowed then).
        var parts = text.Split('.');
        if (parts.Length is 1 or 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return SemanticVersion.TryParse(string.Join('.', parts.Concat(Enumerable.Repeat("0", 3 - parts.Length))), out parsed);
        }

        return false;
    }

    private static string Toolchain(string text)
    {
        // go1.21rc2, go1.9beta1: split the numeric release from the pre-release word.
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var release = text[..i].Split('.').ToList();
        while (release.Count < 3)
        {
            release.Add("0");
        }

        var core = string.Join('.', release);
        if (i == text.Length)
        {
            return core;
        }

        var word = new string(text[i..].TakeWhile(char.IsAsciiLetter).ToArray());
        var number = text[(i + word.Length)..];
        return number.Length > 0 ? $"{core}-{word}.{number}" : $"{core}-{word}";
    }
}
