using System.Security.Claims;
using Vigil.Core.Agents;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class NodesApi
{
    public static void MapNodesApi(this RouteGroupBuilder api)
    {
        var nodes = api.MapGroup("/nodes").WithTags("Nodes");
        nodes.MapGet("/", List).WithName("ListNodes").WithSummary("Nodes filtered by type, status, label (key or key=value) and name search, paged");
        nodes.MapGet("/{id}", Get).WithName("GetNode").WithSummary("One node with its labels, facts, last scan and current assessment");
        nodes.MapGet("/{id}/findings", Findings).WithName("ListNodeFindings")
            .WithSummary("The node's current findings: its latest SBOM against the latest feed snapshot, worst first, filtered and paged");
        nodes.MapDelete("/{id}/credential", RevokeCredential).RequireAuthorization(AccessPolicies.Administer)
            .WithName("RevokeAgentCredential").WithSummary("Revoke the node's agent credential; a connected agent is disconnected at once");
    }

    private static async Task<Results<Ok<ItemsPage<Node>>, ValidationProblem>> List(
        NodeInventory inventory, string? type, string? status, string? label, string? search, int? skip, int? take)
    {
        var errors = NodeFilters.Parse(type, status, out var nodeType, out var nodeStatus);
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

    private static async Task<Results<Ok<NodeDetails>, NotFound>> Get(string id, NodeInventory inventory, ScanStore scans, ScanResults results)
    {
        if (await inventory.GetAsync(id) is not { } node)
        {
            return TypedResults.NotFound();
        }

        var lastScan = (await scans.LatestOfNodesAsync([id])).GetValueOrDefault(id);
        return TypedResults.Ok(NodeDetails.From(node, lastScan, await results.AssessmentAsync(id)));
    }

    private static async Task<Results<Ok<ItemsPage<FindingRecord>>, NotFound, ValidationProblem>> Findings(
        string id, NodeInventory inventory, ScanResults results, string? severity, string? package, string? search, int? skip, int? take)
    {
        if (await inventory.GetAsync(id) is null)
        {
            return TypedResults.NotFound();
        }

        if (take is < 1 or > FindingQuery.MaxTake)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"Take between 1 and {FindingQuery.MaxTake}."] });
        }

        var page = await results.CurrentFindingsAsync(id, new FindingQuery(severity, package, search, Math.Max(0, skip ?? 0), take ?? 100));
        return TypedResults.Ok(new ItemsPage<FindingRecord>(page.Items, page.Total));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeCredential(string id, AgentCredentials credentials, ClaimsPrincipal caller) =>
        await credentials.RevokeAsync(id, caller.ActorName()) ? TypedResults.NoContent() : TypedResults.NotFound();
}
