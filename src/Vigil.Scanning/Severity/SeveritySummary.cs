namespace Vigil.Scanning.Severity;

/// <summary>Finding counts per severity (contracts §6): one type for the CLI's JSON, the API and the wall.</summary>
/// <param name="Critical">Critical findings.</param>
/// <param name="High">High findings.</param>
/// <param name="Medium">Medium findings.</param>
/// <param name="Low">Low findings (CVSS 0.0 "none" counts here too).</param>
/// <param name="Unknown">Findings without any derivable severity.</param>
public sealed record SeveritySummary(int Critical, int High, int Medium, int Low, int Unknown)
{
    /// <summary>All findings.</summary>
    public int Total => Critical + High + Medium + Low + Unknown;

    /// <summary>Counts <paramref name="levels"/>.</summary>
    public static SeveritySummary From(IEnumerable<SeverityLevel> levels)
    {
        int critical = 0, high = 0, medium = 0, low = 0, unknown = 0;
        foreach (var level in levels)
        {
            switch (level)
            {
                case SeverityLevel.Critical: critical++; break;
                case SeverityLevel.High: high++; break;
                case SeverityLevel.Medium: medium++; break;
                case SeverityLevel.Low or SeverityLevel.None: low++; break;
                default: unknown++; break;
            }
        }

        return new SeveritySummary(critical, high, medium, low, unknown);
    }

    /// <summary>The count for one level.</summary>
    public int Count(SeverityLevel level) => level switch
    {
        SeverityLevel.Critical => Critical,
        SeverityLevel.High => High,
        SeverityLevel.Medium => Medium,
        SeverityLevel.Low or SeverityLevel.None => Low,
        _ => Unknown,
    };
}
