using System.Security.Claims;
using Vigil.Core.Accounts;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class ApiKeysApi
{
    public sealed record CreateApiKeyRequest(string Name, string Role, DateTimeOffset? ExpiresAt);

    /// <summary>The answer to a create: the only response that ever carries the key.</summary>
    public sealed record CreatedApiKeyResponse(ApiKey ApiKey, string Key);

    public static void MapApiKeysApi(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys").RequireAuthorization(AccessPolicies.Administer);
        keys.MapGet("/", List).WithName("ListApiKeys").WithSummary("All API keys with last use (never the secrets)");
        keys.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Create a key; the response is the only time the key is shown");
        keys.MapDelete("/{id}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke a key; it is refused at once");
    }

    private static async Task<Ok<ItemsPage<ApiKey>>> List(ApiKeyService keys)
    {
        var all = await keys.ListAsync();
        return TypedResults.Ok(new ItemsPage<ApiKey>(all, all.Count));
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> Create(CreateApiKeyRequest request, ApiKeyService keys, ClaimsPrincipal caller)
    {
        try
        {
            var created = await keys.CreateAsync(request.Name ?? "", request.Role ?? "", request.ExpiresAt, caller.ActorName());
            return TypedResults.Created($"{VigilApi.Prefix}/api-keys/{created.Record.Id}", new CreatedApiKeyResponse(created.Record, created.Key));
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.ParamName ?? "request"] = [ex.Message.Split(" (Parameter")[0]] });
        }
    }

    private static async Task<Results<NoContent, NotFound>> Revoke(string id, ApiKeyService keys, ClaimsPrincipal caller) =>
        await keys.RevokeAsync(id, caller.ActorName()) ? TypedResults.NoContent() : TypedResults.NotFound();
}
