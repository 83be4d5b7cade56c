using Vigil.Scanning.Versions;

namespace Vigil.Matching.Tests.Versions;

/// <summary>Checks one ordered pair in both directions, so an asymmetric comparer cannot pass.</summary>
internal static class ComparerAssert
{
    public static void Orders(IVersionComparer comparer, string left, string op, string right)
    {
        Assert.True(comparer.TryCompare(left, right, out var forward), $"'{left}' vs '{right}' should be comparable");
        Assert.True(comparer.TryCompare(right, left, out var backward), $"'{right}' vs '{left}' should be comparable");
        var expected = op switch { "<" => -1, "=" => 0, ">" => 1, _ => throw new ArgumentException(op, nameof(op)) };
        Assert.True(Math.Sign(forward) == expected, $"expected {left} {op} {right}, got {forward}");
        Assert.True(Math.Sign(backward) == -expected, $"expected {right} reversed against {left}, got {backward}");
    }

    public static void NotComparable(IVersionComparer comparer, string version) =>
        Assert.False(comparer.TryCompare(version, version, out _), $"'{version}' should not be comparable");
}
