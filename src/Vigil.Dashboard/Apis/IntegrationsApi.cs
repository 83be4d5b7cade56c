using System.Security.Claims;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Dashboard.Security;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Dashboard.Apis;

/// <summary>Configured connectors. Secrets go in, never out: responses list only which secrets are set.</summary>
public static class IntegrationsApi
{
    public const int MaxPageSize = 200;

    public static void MapIntegrationsApi(this RouteGroupBuilder api)
    {
        var integrations = api.MapGroup("/integrations").WithTags("Integrations");
        integrations.MapGet("/", List).WithName("ListIntegrations").WithSummary("Configured integrations (secret values never included)");
        integrations.MapGet("/{id}", Get).WithName("GetIntegration").WithSummary("One integration (secret values never included)");
        integrations.MapPost("/", Create).WithName("CreateIntegration").WithSummary("Add an integration; settings are checked against the plugin's schema")
            .RequireAuthorization(AccessPolicies.Administer);
        integrations.MapPut("/{id}", Update).WithName("UpdateIntegration").WithSummary("Change an integration; omitted secrets are kept")
            .RequireAuthorization(AccessPolicies.Administer);
        integrations.MapDelete("/{id}", Delete).WithName("DeleteIntegration").WithSummary("Remove an integration")
            .RequireAuthorization(AccessPolicies.Administer);
        integrations.MapPost("/{id}/test", Test).WithName("TestIntegration").WithSummary("Test the connection with the stored settings")
            .RequireAuthorization(AccessPolicies.Administer);
        integrations.MapGet("/{id}/repositories", Repositories).WithName("ListIntegrationRepositories")
            .WithSummary("A registry integration's repositories, one page (cursor from the previous page's next)");
        integrations.MapGet("/{id}/tags", Tags).WithName("ListIntegrationTags")
            .WithSummary("Tags of one repository that pass the integration's tag filters, newest first, with digests and push dates");
    }

    private static async Task<Ok<ItemsPage<Integration>>> List(IntegrationStore store, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(new ItemsPage<Integration>(all, all.Count));
    }

    private static async Task<Results<Ok<Integration>, NotFound>> Get(string id, IntegrationStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } integration ? TypedResults.Ok(integration) : TypedResults.NotFound();

    private static async Task<Results<Created<Integration>, ValidationProblem>> Create(
        IntegrationInput input, IntegrationService service, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await service.SaveAsync(null, input, caller.ActorName(), cancellationToken);
            return TypedResults.Created($"{VigilApi.Prefix}/integrations/{saved.Id}", saved);
        }
        catch (InputValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary());
        }
    }

    private static async Task<Results<Ok<Integration>, NotFound, ValidationProblem>> Update(
        string id, IntegrationInput input, IntegrationService service, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await service.SaveAsync(id, input, caller.ActorName(), cancellationToken));
        }
        catch (InputValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary());
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string id, IntegrationStore store, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, caller.ActorName(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<ConnectionTestResult>, NotFound>> Test(string id, IntegrationService service, CancellationToken cancellationToken) =>
        await service.TestAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();

    private static Task<Results<Ok<RegistryPage<RegistryRepository>>, NotFound, ProblemHttpResult>> Repositories(
        string id, string? cursor, int? take, IntegrationService service, CancellationToken cancellationToken) =>
        UseRegistryAsync(id, service, "repository listing", (c, ct) => c.ListRepositoriesAsync(cursor, PageSize(take), ct), cancellationToken);

    private static Task<Results<Ok<RegistryPage<RegistryImageTag>>, NotFound, ProblemHttpResult>> Tags(
        string id, string repository, string? cursor, int? take, IntegrationService service, CancellationToken cancellationToken) =>
        UseRegistryAsync(id, service, "tag listing", (c, ct) => c.ListTagsAsync(repository, cursor, PageSize(take), ct), cancellationToken);

    private static async Task<Results<Ok<T>, NotFound, ProblemHttpResult>> UseRegistryAsync<T>(
        string id, IntegrationService service, string what, Func<IRegistryConnector, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (await service.GetWithSecretsAsync(id, cancellationToken) is not { } stored)
        {
            return TypedResults.NotFound();
        }

        try
        {
            return TypedResults.Ok(await service.UseAsync(stored, call, what, cancellationToken));
        }
        catch (PluginCallException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The registry could not be listed");
        }
    }

    private static int PageSize(int? take) => Math.Clamp(take ?? 50, 1, MaxPageSize);
}
