using Vigil.Workflows.Runtime;

namespace Vigil.Workflows.Persistence;

/// <summary>Filters of the instance list (newest first).</summary>
/// <param name="DefinitionId">Only instances of this definition.</param>
/// <param name="Status">Only instances in this status.</param>
/// <param name="Skip">Paging offset.</param>
/// <param name="Take">Page size.</param>
public sealed record InstanceFilter(string? DefinitionId = null, WorkflowStatus? Status = null, int Skip = 0, int Take = 50);
