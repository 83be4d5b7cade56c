using System.Security.Claims;
using Vigil.Dashboard.Apis;
using Vigil.Dashboard.Security;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Cloud;

/// <summary>Which cloud integration manages a node, and removal through it by an Admin.</summary>
public static class CloudNodeApi
{
    public sealed record CloudRemovalInput(string? Mode, string? Reason);

    public sealed record CloudRemovalResult(string Action);

    /// <summary>The node's machine as confirmed by a cloud integration (null when none does), what was tried, and its removals.</summary>
    public sealed record NodeCloudView(string? IntegrationId, string? IntegrationName, string? InstanceId, string? InstanceState, IReadOnlyList<string> Tried, IReadOnlyList<CloudRemoval> Removals);

    public static void MapCloudNodeApi(this RouteGroupBuilder api)
    {
        var nodes = api.MapGroup("/nodes").WithTags("Nodes");
        nodes.MapGet("/{id}/cloud", Get).WithName("GetNodeCloud")
            .WithSummary("The cloud integration and instance that manage the node (asked live), and its removals through them");
        nodes.MapPost("/{id}/cloud-removal", Remove).RequireAuthorization(AccessPolicies.Administer)
            .WithName("RemoveNodeViaCloud").WithSummary("Quarantine or terminate the node's machine through the cloud integration that confirms it");
    }

    private static async Task<Results<Ok<NodeCloudView>, NotFound>> Get(string id, CloudNodeResolver clouds, CloudRemovalStore removals, CancellationToken cancellationToken)
    {
        try
        {
            var (mapping, tried) = await clouds.ResolveAsync(id, cancellationToken);
            return TypedResults.Ok(new NodeCloudView(
                mapping?.Integration.Integration.Id, mapping?.Integration.Integration.Name, mapping?.Instance.Id, mapping?.Instance.State,
                tried, await removals.ListForNodeAsync(id, cancellationToken)));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<CloudRemovalResult>, NotFound, ValidationProblem>> Remove(
        string id, CloudRemovalInput body, INodeActions actions, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var mode = body.Mode switch
        {
            "quarantine" => NodeRemovalMode.Quarantine,
            "terminate" => NodeRemovalMode.Terminate,
            _ => (NodeRemovalMode?)null,
        };
        if (mode is null)
        {
            errors["mode"] = ["Use quarantine or terminate."];
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            errors["reason"] = ["Say why the node is removed; the audit log keeps it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var action = await actions.RemoveAsync(new NodeRemovalRequest(id, mode!.Value, body.Reason!.Trim(), caller.ActorName()), cancellationToken);
            return TypedResults.Ok(new CloudRemovalResult(action));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }
}
