namespace Vigil.Scanning.Versions;

/// <summary>PyPI versions ordered by PEP 440 (see <see cref="Pep440Version"/>).</summary>
public sealed class Pep440VersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static Pep440VersionComparer Instance { get; } = new();

    private static readonly ParseCache<Pep440Version> Cache = new(text => Pep440Version.TryParse(text, out var v) ? v : null);

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
}
