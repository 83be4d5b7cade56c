using Vigil.Workflows.Runtime;

namespace Vigil.Workflows.Persistence;

/// <summary>An instance as listed (no state).</summary>
public sealed record InstanceSummary(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    string? FaultedActivityId,
    string? Error);
