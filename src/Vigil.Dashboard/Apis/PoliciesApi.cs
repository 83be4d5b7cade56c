using System.Security.Claims;
using System.Text.Json;
using Vigil.Dashboard.Policies;
using Vigil.Dashboard.Security;
using Vigil.Scanning.Policies;

namespace Vigil.Dashboard.Apis;

public static class PoliciesApi
{
    public static void MapPoliciesApi(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies");
        policies.MapGet("/", List).WithName("ListPolicies").WithSummary("Every named policy with its body");
        // The body alone, exactly as `vigil scan --policy NAME --console URL` reads it.
        policies.MapGet("/{name}", Get).WithName("GetPolicy").WithSummary("A policy's JSON body (contracts §7)");
        policies.MapPut("/{name}", Save).WithName("SavePolicy").WithSummary("Create or replace a policy; invalid bodies are refused")
            .RequireAuthorization(AccessPolicies.Administer);
        policies.MapDelete("/{name}", Delete).WithName("DeletePolicy").WithSummary("Delete a policy")
            .RequireAuthorization(AccessPolicies.Administer);
    }

    private static async Task<Ok<ItemsPage<StoredPolicy>>> List(PolicyStore store, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(new ItemsPage<StoredPolicy>(all, all.Count));
    }

    private static async Task<Results<Ok<JsonElement>, NotFound>> Get(string name, PolicyStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(name, cancellationToken) is { } policy ? TypedResults.Ok(policy.Body) : TypedResults.NotFound();

    private static async Task<Results<Created<StoredPolicy>, Ok<StoredPolicy>, ValidationProblem>> Save(
        string name, JsonElement body, PolicyStore store, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            var created = await store.SaveAsync(name, body, caller.ActorName(), cancellationToken);
            var saved = (await store.GetAsync(name, cancellationToken))!;
            return created ? TypedResults.Created($"{VigilApi.Prefix}/policies/{name}", saved) : TypedResults.Ok(saved);
        }
        catch (PolicyFormatException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["policy"] = [ex.Message] });
        }
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string name, PolicyStore store, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await store.DeleteAsync(name, caller.ActorName(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
