namespace Vigil.Scanning.Versions;

/// <summary>
/// Orders two version strings by one ecosystem's own rules. Implementations never throw on bad input: a version the
/// ecosystem would not accept makes <see cref="TryCompare"/> return <c>false</c>, so the matcher can report the
/// finding as "version not comparable" instead of dropping it.
/// </summary>
public interface IVersionComparer
{
    /// <summary>Compares <paramref name="left"/> with <paramref name="right"/>.</summary>
    /// <param name="left">First version, verbatim.</param>
    /// <param name="right">Second version, verbatim.</param>
    /// <param name="order">Negative, zero or positive when <paramref name="left"/> sorts before, equal to or after <paramref name="right"/>.</param>
    /// <returns><c>false</c> when either version cannot be parsed under this ecosystem's rules.</returns>
    bool TryCompare(string left, string right, out int order);
}
