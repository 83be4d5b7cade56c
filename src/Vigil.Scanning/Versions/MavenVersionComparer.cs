namespace Vigil.Scanning.Versions;

/// <summary>Maven versions ordered by <see cref="MavenComparableVersion"/>. Only an empty version is not comparable.</summary>
public sealed class MavenVersionComparer : IVersionComparer
{
    /// <summary>Shared instance; the comparer is stateless.</summary>
    public static MavenVersionComparer Instance { get; } = new();

    private static readonly ParseCache<MavenComparableVersion> Cache = new(text => new MavenComparableVersion(text));

    /// <inheritdoc />
    public bool TryCompare(string left, string right, out int order)
    {
        order = 0;
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right))
        {
            return false;
        }

        order = Cache.Get(left)!.CompareTo(Cache.Get(right));
        return true;
    }
}
