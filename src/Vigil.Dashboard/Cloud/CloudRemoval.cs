namespace Vigil.Dashboard.Cloud;

/// <summary>One quarantine or termination through a cloud integration, as <c>cloud_removals</c> keeps it until it succeeded or was given up.</summary>
public sealed record CloudRemoval
{
    public required string Id { get; init; }
    public required string NodeId { get; init; }
    public required string IntegrationId { get; init; }
    public required string InstanceId { get; init; }

    /// <summary><c>quarantine</c> or <c>terminate</c>.</summary>
    public required string Mode { get; init; }
    public required string Reason { get; init; }
    public required string RequestedBy { get; init; }

    /// <summary><c>pending</c>, <c>done</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public long NextAttemptAt { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public bool Terminates => Mode == "terminate";
}
