using System.Text.Json;
using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;

namespace Vigil.Workflows.Persistence;

/// <summary>A <c>workflow_instances</c> row as Dapper reads it.</summary>
internal sealed class InstanceRow
{
    public string Id { get; set; } = "";

    public string DefinitionId { get; set; } = "";

    public long DefinitionVersion { get; set; }

    public string Status { get; set; } = "";

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? FinishedAt { get; set; }

    public string? FaultedActivityId { get; set; }

    public string? Error { get; set; }

    public string StateJson { get; set; } = "{}";

    public WorkflowInstance ToInstance() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersion = (int)DefinitionVersion,
        Status = ParseStatus(Status),
        CreatedAt = UnixTime.FromMs(CreatedAt),
        UpdatedAt = UnixTime.FromMs(UpdatedAt),
        FinishedAt = UnixTime.FromMs(FinishedAt),
        FaultedActivityId = FaultedActivityId,
        Error = Error,
        State = JsonSerializer.Deserialize<InstanceState>(StateJson, WorkflowJson.Options) ?? new InstanceState(),
    };

    public InstanceSummary ToSummary() => new(
        Id, DefinitionId, (int)DefinitionVersion, ParseStatus(Status), UnixTime.FromMs(CreatedAt), UnixTime.FromMs(UpdatedAt),
        UnixTime.FromMs(FinishedAt), FaultedActivityId, Error);

    private static WorkflowStatus ParseStatus(string status) => Enum.Parse<WorkflowStatus>(status, ignoreCase: true);
}
