using System.Security.Claims;
using Vigil.Dashboard.Registries;
using Vigil.Dashboard.Security;
using Vigil.Plugins.Sdk.Registries;
using static Vigil.Dashboard.Apis.ScansApi;

namespace Vigil.Dashboard.Apis;

/// <summary>Registry integrations as the Registries page sees them, and scan-now for registries, repositories and tags.</summary>
public static class RegistriesApi
{
    public static void MapRegistriesApi(this RouteGroupBuilder api)
    {
        var registries = api.MapGroup("/registries").WithTags("Registries");
        registries.MapGet("/", List).WithName("ListRegistries").WithSummary("Registry integrations, each with how many of its images are nodes");
        registries.MapGet("/{id}/repositories", Repositories).WithName("ListRegistryRepositories")
            .WithSummary("One page of a registry's repositories (cursor from the previous page's next), with their image node counts");
        registries.MapGet("/{id}/tags", Tags).WithName("ListRegistryTags")
            .WithSummary("Tags of one repository (?repository=) passing the tag filters, newest first, with digest, push date, image node and last scan");
        registries.MapPost("/{id}/scans", Scan).RequireAuthorization(AccessPolicies.Operate).WithName("ScanRegistry")
            .WithSummary("Scan a whole registry ({}), some repositories ({\"repositories\":[...]}) or tags ({\"repository\":\"r\",\"tags\":[...]}); " +
                         "digests already scanned are re-matched from their SBOM unless \"force\": true");
    }

    private static async Task<Ok<ItemsPage<RegistrySummary>>> List(RegistryViews views, CancellationToken cancellationToken)
    {
        var all = await views.RegistriesAsync(cancellationToken);
        return TypedResults.Ok(new ItemsPage<RegistrySummary>(all, all.Count));
    }

    private static async Task<Results<Ok<RegistryPage<RepositoryView>>, ProblemHttpResult>> Repositories(
        string id, string? cursor, int? take, RegistryViews views, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await views.RepositoriesAsync(id, cursor, Math.Clamp(take ?? 50, 1, IntegrationsApi.MaxPageSize), cancellationToken));
        }
        catch (RegistryScanException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<Results<Ok<ItemsPage<TagView>>, ProblemHttpResult>> Tags(string id, string repository, RegistryViews views, CancellationToken cancellationToken)
    {
        try
        {
            var tags = await views.TagsAsync(id, repository, cancellationToken);
            return TypedResults.Ok(new ItemsPage<TagView>(tags, tags.Count));
        }
        catch (RegistryScanException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<Results<Accepted<ScansAccepted>, ProblemHttpResult>> Scan(
        string id, RegistryScanSelection? body, RegistryScans registryScans, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            var scans = await registryScans.RequestAsync(id, body ?? new RegistryScanSelection(), caller.ActorName(), cancellationToken);
            return TypedResults.Accepted($"{VigilApi.Prefix}/scans", new ScansAccepted(scans.Select(s => new ScanRef(s.Id, s.NodeId, s.Status)).ToList()));
        }
        catch (RegistryScanException ex)
        {
            return Problem(ex);
        }
    }

    private static ProblemHttpResult Problem(RegistryScanException ex) =>
        TypedResults.Problem(ex.Message, statusCode: ex.Status, title: ex.Status switch
        {
            StatusCodes.Status404NotFound => "No such registry",
            StatusCodes.Status400BadRequest => "The selection is not valid",
            _ => "The registry could not be listed",
        });
}
