namespace Vigil.Core.Scans;

/// <summary>One current finding of one node, as the fleet views list it (newest critical, who has CVE-X).</summary>
public sealed record FleetFinding
{
    public required string NodeId { get; init; }
    public string NodeName { get; init; } = "";
    public string NodeType { get; init; } = "";
    public string NodeStatus { get; init; } = "";
    public required string FindingKey { get; init; }
    public required string AdvisoryId { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Summary { get; init; }
    public required string Severity { get; init; }
    public double? Score { get; init; }
    public required string PackageName { get; init; }
    public required string PackageVersion { get; init; }
    public string Ecosystem { get; init; } = "";
    public IReadOnlyList<string> FixedVersions { get; init; } = [];
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>The triage in force on this node, if any (fleet views count triaged findings out).</summary>
    public TriageState? Triage { get; init; }
}
