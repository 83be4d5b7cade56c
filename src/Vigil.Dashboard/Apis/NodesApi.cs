using System.Security.Claims;
using Vigil.Core.Agents;
using Vigil.Core.Nodes;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class NodesApi
{
    public static void MapNodesApi(this RouteGroupBuilder api)
    {
        var nodes = api.MapGroup("/nodes").WithTags("Nodes");
        nodes.MapGet("/", List).WithName("ListNodes").WithSummary("Nodes filtered by type, status, label (key or key=value) and name search, paged");
        nodes.MapGet("/{id}", Get).WithName("GetNode").WithSummary("One node with its labels and facts");
        nodes.MapDelete("/{id}/credential", RevokeCredential).RequireAuthorization(AccessPolicies.Administer)
            .WithName("RevokeAgentCredential").WithSummary("Revoke the node's agent credential; a connected agent is disconnected at once");
    }

    private static async Task<Results<Ok<ItemsPage<Node>>, ValidationProblem>> List(
        NodeInventory inventory, string? type, string? status, string? label, string? search, int? skip, int? take)
    {
        var errors = new Dictionary<string, string[]>();
        NodeType? nodeType = null;
        NodeStatus? nodeStatus = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (Enum.TryParse<NodeType>(type, ignoreCase: true, out var parsed) && !int.TryParse(type, out _))
            {
                nodeType = parsed;
            }
            else
            {
                errors["type"] = ["Use host, container, image or application."];
            }
        }

        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<NodeStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                nodeStatus = parsed;
            }
            else
            {
                errors["status"] = ["Use online, offline or removed."];
            }
        }

        if (take is < 1 or > NodeQuery.MaxTake)
        {
            errors["take"] = [$"Take between 1 and {NodeQuery.MaxTake}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await inventory.ListAsync(new NodeQuery(nodeType, nodeStatus, label, search, Math.Max(0, skip ?? 0), take ?? 50));
        return TypedResults.Ok(new ItemsPage<Node>(page.Items, page.Total));
    }

    private static async Task<Results<Ok<Node>, NotFound>> Get(string id, NodeInventory inventory) =>
        await inventory.GetAsync(id) is { } node ? TypedResults.Ok(node) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> RevokeCredential(string id, AgentCredentials credentials, ClaimsPrincipal caller) =>
        await credentials.RevokeAsync(id, caller.ActorName()) ? TypedResults.NoContent() : TypedResults.NotFound();
}
