namespace Vigil.Scanning.Versions;

/// <summary>PyPI versions ordered by PEP 440 (see <see cref="Pep440Version"/>).</summary>
public sealed class Pep440VersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static Pep440VersionComparer Instance { get; } = new();

    /// <inheritdoc />
    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (!Pep440Version.TryParse(left, out var a) || !Pep440Version.TryParse(right, out var b))
        {
            return false;
        }

        order = a!.CompareTo(b);
        return true;
    }
}
