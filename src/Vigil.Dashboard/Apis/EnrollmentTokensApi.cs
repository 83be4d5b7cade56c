using System.Security.Claims;
using Vigil.Core.Agents;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class EnrollmentTokensApi
{
    /// <summary>All optional: one use, the configured lifetime (an hour by default) and no labels unless given.</summary>
    public sealed record CreateEnrollmentTokenRequest(string? Description, DateTimeOffset? ExpiresAt, int? MaxUses, Dictionary<string, string>? Labels);

    /// <summary>The answer to a create: the only response that ever carries the token.</summary>
    public sealed record CreatedEnrollmentTokenResponse(string Id, string Token, DateTimeOffset ExpiresAt, int MaxUses, IReadOnlyDictionary<string, string> Labels);

    public static void MapEnrollmentTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/enrollment-tokens").WithTags("Agents").RequireAuthorization(AccessPolicies.Operate);
        tokens.MapGet("/", List).WithName("ListEnrollmentTokens").WithSummary("Enrollment tokens with their uses (never the secrets)");
        tokens.MapPost("/", Create).WithName("CreateEnrollmentToken").WithSummary("Create a token for `vigil-agent enroll`; the response is the only time it is shown");
        tokens.MapDelete("/{id}", Revoke).WithName("RevokeEnrollmentToken").WithSummary("Revoke a token; agents can no longer enroll with it");
    }

    private static async Task<Ok<ItemsPage<EnrollmentToken>>> List(EnrollmentTokenService tokens)
    {
        var all = await tokens.ListAsync();
        return TypedResults.Ok(new ItemsPage<EnrollmentToken>(all, all.Count));
    }

    private static async Task<Results<Created<CreatedEnrollmentTokenResponse>, ValidationProblem>> Create(
        CreateEnrollmentTokenRequest? request, EnrollmentTokenService tokens, ClaimsPrincipal caller)
    {
        try
        {
            var created = await tokens.CreateAsync(request?.Description, request?.ExpiresAt, request?.MaxUses, request?.Labels, caller.ActorName());
            var record = created.Record;
            return TypedResults.Created(
                $"{VigilApi.Prefix}/enrollment-tokens/{record.Id}",
                new CreatedEnrollmentTokenResponse(record.Id, created.Token, record.ExpiresAt, record.MaxUses, record.Labels));
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.ParamName ?? "request"] = [ex.Message.Split(" (Parameter")[0]] });
        }
    }

    private static async Task<Results<NoContent, NotFound>> Revoke(string id, EnrollmentTokenService tokens, ClaimsPrincipal caller) =>
        await tokens.RevokeAsync(id, caller.ActorName()) ? TypedResults.NoContent() : TypedResults.NotFound();
}
