namespace Vigil.Core.Scans;

/// <summary>A triage decision on a finding key, on one node or fleet-wide (<see cref="NodeId"/> null).</summary>
public sealed record TriageRule
{
    public const string FleetWide = "*";

    public required string Id { get; init; }
    public required string FindingKey { get; init; }
    public string? NodeId { get; init; }
    public TriageState State { get; init; }
    public string Reason { get; init; } = "";
    public DateTimeOffset? ExpiresAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}
