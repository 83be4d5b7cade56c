namespace Vigil.Scanning.Severity;

/// <summary>Conversions between scores, words and <see cref="SeverityLevel"/>.</summary>
public static class SeverityLevels
{
    /// <summary>The CVSS v3/v4 qualitative rating of a base score.</summary>
    public static SeverityLevel FromScore(double score) => score switch
    {
        <= 0 => SeverityLevel.None,
        < 4.0 => SeverityLevel.Low,
        < 7.0 => SeverityLevel.Medium,
        < 9.0 => SeverityLevel.High,
        _ => SeverityLevel.Critical,
    };

    /// <summary>Reads a database's severity word (GHSA's <c>MODERATE</c> is medium); null when it is not one.</summary>
    public static SeverityLevel? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => SeverityLevel.Critical,
        "HIGH" or "IMPORTANT" => SeverityLevel.High,
        "MODERATE" or "MEDIUM" => SeverityLevel.Medium,
        "LOW" => SeverityLevel.Low,
        "NONE" or "NEGLIGIBLE" => SeverityLevel.None,
        "UNKNOWN" => SeverityLevel.Unknown,
        _ => null,
    };

    /// <summary>The lowercase word used in JSON, policies and <c>--fail-on</c>.</summary>
    public static string ToWord(this SeverityLevel level) => level.ToString().ToLowerInvariant();
}
