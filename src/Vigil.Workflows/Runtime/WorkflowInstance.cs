namespace Vigil.Workflows.Runtime;

/// <summary>One execution of a definition version.</summary>
public sealed class WorkflowInstance
{
    /// <summary>Instance id.</summary>
    public required string Id { get; init; }

    /// <summary>The definition it runs.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The definition version it started with and keeps.</summary>
    public required int DefinitionVersion { get; init; }

    /// <summary>Life-cycle state.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it finished, faulted or was cancelled.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The activity that faulted; retry starts there.</summary>
    public string? FaultedActivityId { get; set; }

    /// <summary>The fault's message.</summary>
    public string? Error { get; set; }

    /// <summary>Variables, outputs, pending work.</summary>
    public InstanceState State { get; set; } = new();
}
