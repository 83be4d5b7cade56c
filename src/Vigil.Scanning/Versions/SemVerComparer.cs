namespace Vigil.Scanning.Versions;

/// <summary>
/// SemVer 2.0.0 ordering for npm, crates.io and OSV's <c>SEMVER</c> ranges. A leading <c>v</c> or <c>=</c> is tolerated
/// (npm writes both); anything else that is not SemVer is not comparable.
/// </summary>
public sealed class SemVerComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static SemVerComparer Instance { get; } = new();

    private static readonly ParseCache<SemanticVersion> Cache = new(text => SemanticVersion.TryParse(Clean(text), out var v) ? v : null);

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

    private static string Clean(string version)
    {
        var text = version.Trim();
        if (text.StartsWith('='))
        {
            text = text[1..].TrimStart();
        }

        return text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
    }
}
