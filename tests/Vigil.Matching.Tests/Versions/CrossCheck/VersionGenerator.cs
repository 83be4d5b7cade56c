namespace Vigil.Matching.Tests.Versions.CrossCheck;

/// <summary>
/// Generates version pairs from small per-ecosystem alphabets, so that equal, nearly equal and tricky pairs (separators,
/// pre-release words, leading zeros) are frequent; each pair's second version is often a mutation of the first.
/// </summary>
internal sealed class VersionGenerator(int seed)
{
    private readonly Random _random = new(seed);

    public const int PairCount = 2000;

    public IReadOnlyList<(string Left, string Right)> Pairs(Func<Random, string> version, Func<Random, string, string>? mutate = null)
    {
        var pairs = new List<(string, string)>(PairCount);
        for (var i = 0; i < PairCount; i++)
        {
            var left = version(_random);
            var right = mutate is not null && _random.Next(2) == 0 ? mutate(_random, left) : version(_random);
            pairs.Add((left, right));
        }

        return pairs;
    }

    public static string Pick(Random r, params string[] options) => options[r.Next(options.Length)];

    public static string Numbers(Random r, int min, int max, string separator = ".")
    {
        var count = r.Next(min, max + 1);
        return string.Join(separator, Enumerable.Range(0, count).Select(_ => Pick(r, "0", "1", "2", "10", "01", "9")));
    }

    /// <summary>Bumps, drops or appends one piece of a version, keeping it in the same ecosystem's alphabet.</summary>
    public static string Tweak(Random r, string version, params string[] suffixes)
    {
        return r.Next(4) switch
        {
            0 => version + Pick(r, suffixes),
            1 when version.Length > 1 => version[..^1],
            2 => version.Replace("1", "2", StringComparison.Ordinal),
            _ => version,
        };
    }
}
