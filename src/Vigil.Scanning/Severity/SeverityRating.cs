namespace Vigil.Scanning.Severity;

/// <summary>A derived severity: level, score when one exists, and where it came from (for reports).</summary>
/// <param name="Level">The level.</param>
/// <param name="Score">Base score 0–10, if known.</param>
/// <param name="Origin">e.g. <c>CVSS_V3</c>, <c>database_specific</c>, <c>alias CVE-2021-44228</c>, <c>none</c>.</param>
public sealed record SeverityRating(SeverityLevel Level, double? Score, string Origin)
{
    /// <summary>No severity could be derived.</summary>
    public static SeverityRating Unknown { get; } = new(SeverityLevel.Unknown, null, "none");

    /// <summary>Whether this rating is more severe than <paramref name="other"/> (level first, then score).</summary>
    public bool IsWorseThan(SeverityRating other) =>
        Level != other.Level ? Level > other.Level : (Score ?? -1) > (other.Score ?? -1);
}
