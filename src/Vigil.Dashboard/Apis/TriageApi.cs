using System.Security.Claims;
using Vigil.Core.Scans;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

/// <summary>Triage decisions on findings (contracts §6): accepted or false positive, per node or fleet-wide.</summary>
public static class TriageApi
{
    /// <summary><c>nodeId</c> null means fleet-wide; <c>state</c> is <c>accepted</c> or <c>falsePositive</c>.</summary>
    public sealed record TriageBody(string? FindingKey, string? NodeId, TriageState? State, string? Reason, DateTimeOffset? ExpiresAt);

    public static void MapTriageApi(this RouteGroupBuilder api)
    {
        var triage = api.MapGroup("/triage").WithTags("Triage");
        triage.MapGet("/", List).WithName("ListTriage").WithSummary("Triage decisions, newest first; with nodeId, those that apply to that node");
        triage.MapPut("/", Set).RequireAuthorization(AccessPolicies.Operate).WithName("SetTriage")
            .WithSummary("Accept a finding or mark it a false positive, with a reason and optional expiry, on one node or fleet-wide");
        triage.MapDelete("/{id}", Remove).RequireAuthorization(AccessPolicies.Operate).WithName("RemoveTriage").WithSummary("Withdraw a triage decision");
    }

    private static async Task<Ok<ItemsPage<TriageRule>>> List(TriageStore store, string? nodeId, int? skip, int? take)
    {
        var page = await store.ListAsync(nodeId, skip ?? 0, take ?? 50);
        return TypedResults.Ok(new ItemsPage<TriageRule>(page.Items, page.Total));
    }

    private static async Task<Results<Ok<TriageRule>, ValidationProblem>> Set(TriageBody? body, TriageStore store, TimeProvider time, ClaimsPrincipal caller)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.FindingKey))
        {
            errors["findingKey"] = ["The finding's key is required (the key field of a finding)."];
        }

        if (body?.State is null)
        {
            errors["state"] = ["Use accepted or falsePositive."];
        }

        if (string.IsNullOrWhiteSpace(body?.Reason))
        {
            errors["reason"] = ["Say why, for whoever reads this later."];
        }

        if (body?.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            errors["expiresAt"] = ["The expiry must be in the future."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rule = await store.SetAsync(body!.FindingKey!.Trim(), string.IsNullOrWhiteSpace(body.NodeId) ? null : body.NodeId.Trim(), body.State!.Value, body.Reason!, body.ExpiresAt, caller.ActorName());
        return TypedResults.Ok(rule);
    }

    private static async Task<Results<NoContent, NotFound>> Remove(string id, TriageStore store) =>
        await store.RemoveAsync(id) ? TypedResults.NoContent() : TypedResults.NotFound();
}
