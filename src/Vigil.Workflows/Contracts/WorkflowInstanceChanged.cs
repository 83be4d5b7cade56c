using Vigil.Workflows.Runtime;

namespace Vigil.Workflows.Contracts;

/// <summary>
/// An instance or one of its activities changed (CONTRACTS.md §4 <c>WorkflowInstanceChanged</c>); raised after the change
/// is committed.
/// </summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="DefinitionId">Its definition.</param>
/// <param name="Status">The instance's status after the change.</param>
/// <param name="ActivityId">The activity that changed, when the change is an activity's.</param>
/// <param name="ActivityStatus">completed, suspended or faulted.</param>
public sealed record WorkflowInstanceChanged(
    string InstanceId,
    string DefinitionId,
    WorkflowStatus Status,
    string? ActivityId,
    string? ActivityStatus);
