using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using System.Text.Json.Nodes;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Dashboard.Security;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Dashboard.Apis;

/// <summary>The page actions a configured connector offers (e.g. a local fleet's Launch instance), and running one.</summary>
public static class IntegrationActionsApi
{
    public static void MapIntegrationActionsApi(this RouteGroupBuilder api)
    {
        var integrations = api.MapGroup("/integrations").WithTags("Integrations");
        integrations.MapGet("/{id}/actions", List).WithName("ListIntegrationActions")
            .WithSummary("The integration's page actions with their input schemas (none when its connector offers none)");
        integrations.MapPost("/{id}/actions/{action}", Invoke).RequireAuthorization(AccessPolicies.Operate).WithName("InvokeIntegrationAction")
            .WithSummary("Run a page action with input checked against its schema; actions marked requiresAdmin need an Admin. Audited.");
    }

    private static async Task<Results<Ok<ItemsPage<ConnectorAction>>, NotFound, ProblemHttpResult>> List(string id, IntegrationActions actions, CancellationToken cancellationToken)
    {
        try
        {
            var all = await actions.ListAsync(id, cancellationToken);
            return TypedResults.Ok(new ItemsPage<ConnectorAction>(all, all.Count));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (PluginCallException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The integration's actions could not be listed");
        }
    }

    private static async Task<Results<Ok<ConnectorActionResult>, NotFound, ValidationProblem, ProblemHttpResult>> Invoke(
        string id, string action, JsonObject? input, IntegrationActions actions, IAuthorizationService authorization, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        try
        {
            var isAdmin = (await authorization.AuthorizeAsync(caller, AccessPolicies.Administer)).Succeeded;
            return TypedResults.Ok(await actions.InvokeAsync(id, action, input, caller.ActorName(), isAdmin, cancellationToken));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (InputValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary());
        }
        catch (UnauthorizedAccessException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }
        catch (PluginCallException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The integration could not be used");
        }
    }
}
