namespace Vigil.Core.Scans;

/// <summary>A stored finding (contracts §6) as the API returns it, with its triage when one applies.</summary>
public sealed record FindingRecord
{
    /// <summary>Advisory id, purl without qualifiers and location, joined with <c>|</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The primary advisory id.</summary>
    public required string Id { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Summary { get; init; }

    /// <summary>Lowercase level: critical, high, medium, low, none or unknown.</summary>
    public required string Severity { get; init; }
    public double? Score { get; init; }
    public required FindingPackageInfo Package { get; init; }
    public IReadOnlyList<string> FixedVersions { get; init; } = [];
    public string Location { get; init; } = "";

    /// <summary><c>affected</c> or <c>versionNotComparable</c>.</summary>
    public string Status { get; init; } = "affected";

    /// <summary>When this finding first appeared in the node's current assessment (current findings only).</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>The triage that applies now, if any.</summary>
    public TriageRule? Triage { get; init; }
}

/// <summary>The affected package of a finding.</summary>
public sealed record FindingPackageInfo(string Name, string Version, string Ecosystem, string Purl);
