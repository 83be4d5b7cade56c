using Vigil.Core.Nodes;
using Vigil.Dashboard.Cloud;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Workflows.Contracts;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Validation;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Remove node and Add label for flows and people. The rule for quarantine and terminate:
/// <list type="bullet">
/// <item>no cloud integration configured: the node is only marked removed in Vigil (its agent is refused), and the answer says so;</item>
/// <item>otherwise a cloud integration must confirm the node's machine, or nothing destructive happens (and the refusal is recorded);</item>
/// <item>a flow may have a machine quarantined or terminated only when its Remove node sits behind the Fail outcome of an Evaluate policy.</item>
/// </list>
/// Mark removed never touches a machine.
/// </summary>
public sealed class ConsoleNodeActions(
    NodeAdministration nodes,
    CloudNodeResolver clouds,
    CloudRemovals removals,
    WorkflowDefinitionStore definitions) : INodeActions
{
    public Task<string> RemoveAsync(string nodeId, NodeRemovalMode mode, string reason, string requestedBy, CancellationToken cancellationToken) =>
        RemoveAsync(new NodeRemovalRequest(nodeId, mode, reason, requestedBy), cancellationToken);

    public async Task<string> RemoveAsync(NodeRemovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mode == NodeRemovalMode.MarkRemoved)
        {
            return $"Node {await MarkRemovedAsync(request, request.Reason, cancellationToken)}.";
        }

        var terminate = request.Mode == NodeRemovalMode.Terminate;
        var verb = terminate ? "terminated" : "quarantined";
        var reason = request.Reason;
        if ((await clouds.ListAsync(cancellationToken)).Count == 0)
        {
            return $"No cloud integration is configured, so the node could not be {verb}; it {await MarkRemovedAsync(request, reason, cancellationToken)}.";
        }

        if (request.Workflow is { } origin)
        {
            var policies = await FailedPoliciesAsync(origin, cancellationToken);
            if (policies is null)
            {
                return await RefuseAsync(request, "the flow", $"a flow may quarantine or terminate a node only after an Evaluate policy failed, and this Remove node ('{origin.ActivityId}') can be reached without one", cancellationToken);
            }

            reason = $"{reason} (policy failed: {string.Join(", ", policies)})";
        }

        var (mapping, tried) = await clouds.ResolveAsync(request.NodeId, cancellationToken);
        if (mapping is null)
        {
            return await RefuseAsync(request with { Reason = reason }, "no cloud integration",
                $"no cloud integration confirmed this node's machine ({string.Join("; ", tried)}), so nothing was {verb}", cancellationToken);
        }

        if (!mapping.Capabilities.HasFlag(terminate ? CloudCapabilities.Terminate : CloudCapabilities.Quarantine))
        {
            return await RefuseAsync(request with { Reason = reason }, mapping.Via, $"{mapping.Integration.Integration.Name} cannot {(terminate ? "terminate" : "quarantine")} instances, so nothing was {verb}", cancellationToken);
        }

        return await removals.StartAsync(request.NodeId, mapping, terminate, reason, request.RequestedBy, cancellationToken);
    }

    public Task AddLabelAsync(string nodeId, string key, string value, string requestedBy, CancellationToken cancellationToken) =>
        nodes.SetLabelAsync(nodeId, key, value, requestedBy, cancellationToken);

    private async Task<string> MarkRemovedAsync(NodeRemovalRequest request, string reason, CancellationToken cancellationToken) =>
        await nodes.MarkRemovedAsync(request.NodeId, request.RequestedBy, reason, cancellationToken) ? "was marked removed in Vigil" : "was already removed";

    /// <summary>Nothing destructive happens; the refusal is on the node's timeline, in the audit log and raised as a notification.</summary>
    private async Task<string> RefuseAsync(NodeRemovalRequest request, string via, string why, CancellationToken cancellationToken)
    {
        await nodes.RecordRemovalFailedAsync(request.NodeId, request.RequestedBy, request.Reason, via, why, 1, null, cancellationToken);
        return $"Refused: {why}.";
    }

    /// <summary>The policies guarding the flow's Remove node, or null when it is not guarded (or the flow cannot be found).</summary>
    private async Task<IReadOnlyList<string>?> FailedPoliciesAsync(WorkflowOrigin origin, CancellationToken cancellationToken)
    {
        // The published version is what triggers run; a test run of a draft is checked against the draft.
        var definition = await definitions.GetPublishedVersionAsync(origin.DefinitionId, cancellationToken) is { } version
            ? (await definitions.GetVersionAsync(origin.DefinitionId, version, cancellationToken))?.Definition
            : await definitions.GetDraftOrPublishedAsync(origin.DefinitionId, cancellationToken);
        return definition is null ? null : PolicyGuard.FailedPoliciesGuarding(definition, origin.ActivityId);
    }
}
