using System.Security.Claims;
using Vigil.Core.Nodes;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

/// <summary>A node's timeline, and the changes people make to a node by hand: labels and removal.</summary>
public static class NodeAdministrationApi
{
    public sealed record LabelValue(string Value);

    public sealed record RemovalRequest(string Reason);

    public static void MapNodeAdministrationApi(this RouteGroupBuilder api)
    {
        var nodes = api.MapGroup("/nodes").WithTags("Nodes");
        nodes.MapGet("/{id}/timeline", Timeline).WithName("GetNodeTimeline")
            .WithSummary("The node's events newest first: registration, status, scans, findings, labels, notifications, removal");
        nodes.MapPut("/{id}/labels/{**key}", SetLabel).RequireAuthorization(AccessPolicies.Operate)
            .WithName("SetNodeLabel").WithSummary("Set or overwrite one label");
        nodes.MapPost("/{id}/remove", Remove).RequireAuthorization(AccessPolicies.Administer)
            .WithName("RemoveNode").WithSummary("Mark the node removed: its agent is refused from then on");
    }

    private static async Task<Results<Ok<ItemsPage<NodeTimelineEntry>>, NotFound>> Timeline(
        string id, NodeInventory inventory, NodeTimeline timeline, int? skip, int? take, CancellationToken cancellationToken)
    {
        if (await inventory.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var page = await timeline.ListAsync(id, skip ?? 0, take ?? 50, cancellationToken);
        return TypedResults.Ok(new ItemsPage<NodeTimelineEntry>(page.Items, page.Total));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> SetLabel(
        string id, string key, LabelValue body, NodeAdministration nodes, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            await nodes.SetLabelAsync(id, key, body.Value, caller.ActorName(), cancellationToken);
            return TypedResults.NoContent();
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ArgumentException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["label"] = [e.Message] });
        }
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Remove(
        string id, RemovalRequest body, NodeAdministration nodes, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why the node is removed; the audit log keeps it."] });
        }

        try
        {
            await nodes.MarkRemovedAsync(id, caller.ActorName(), body.Reason.Trim(), cancellationToken);
            return TypedResults.NoContent();
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }
}
