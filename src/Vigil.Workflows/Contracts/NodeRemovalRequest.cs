namespace Vigil.Workflows.Contracts;

/// <summary>A request to remove a node, and who asks: a person, or a flow (<see cref="Workflow"/>).</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Mode">Quarantine, terminate or mark removed.</param>
/// <param name="Reason">Why, in the requester's words.</param>
/// <param name="RequestedBy">The person, or <c>workflow:INSTANCE</c>.</param>
public sealed record NodeRemovalRequest(string NodeId, NodeRemovalMode Mode, string Reason, string RequestedBy)
{
    /// <summary>The flow and activity that ask, or null for a person.</summary>
    public WorkflowOrigin? Workflow { get; init; }
}

/// <summary>Where in which flow a request comes from.</summary>
/// <param name="DefinitionId">The flow's definition.</param>
/// <param name="InstanceId">The running instance.</param>
/// <param name="ActivityId">The activity that asks.</param>
public sealed record WorkflowOrigin(string DefinitionId, string InstanceId, string ActivityId);
