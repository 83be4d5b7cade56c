using System.Security.Claims;
using Vigil.Dashboard.Apis;
using Vigil.Dashboard.Plugins;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Cloud;

/// <summary>A cloud integration's instances with the nodes that run on them, and termination of one by an Admin.</summary>
public static class CloudInstancesApi
{
    public sealed record TerminateInput(string? Reason);

    public sealed record TerminateResult(string Action);

    public static void MapCloudInstancesApi(this RouteGroupBuilder api)
    {
        var integrations = api.MapGroup("/integrations").WithTags("Integrations");
        integrations.MapGet("/{id}/instances", List).WithName("ListIntegrationInstances")
            .WithSummary($"A cloud integration's instances (at most {CloudInstances.MaxInstances}), each with the node the integration confirms runs on it");
        integrations.MapPost("/{id}/instances/{instanceId}/terminate", Terminate).RequireAuthorization(AccessPolicies.Administer).WithName("TerminateIntegrationInstance")
            .WithSummary("Terminate an instance; a mapped node's removal is recorded on its timeline and retried like any cloud removal. Audited.");
    }

    private static async Task<Results<Ok<ItemsPage<CloudInstanceView>>, NotFound, ProblemHttpResult>> List(string id, CloudInstances instances, CancellationToken cancellationToken)
    {
        try
        {
            var all = await instances.ListAsync(id, cancellationToken);
            return TypedResults.Ok(new ItemsPage<CloudInstanceView>(all, all.Count));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (PluginCallException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The instances could not be listed");
        }
    }

    private static async Task<Results<Ok<TerminateResult>, NotFound, ValidationProblem, ProblemHttpResult>> Terminate(
        string id, string instanceId, TerminateInput body, CloudInstances instances, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why the instance is terminated; the audit log keeps it."] });
        }

        try
        {
            return TypedResults.Ok(new TerminateResult(await instances.TerminateAsync(id, instanceId, body.Reason.Trim(), caller.ActorName(), cancellationToken)));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (PluginCallException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The instance could not be terminated");
        }
    }
}
