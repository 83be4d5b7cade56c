using Dapper;
using Vigil.Core.Storage;
using Vigil.Dashboard.Security;
using Vigil.Dashboard.Workflows;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Apis;

public static class WorkflowInstancesApi
{
    public static void MapWorkflowInstancesApi(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        instances.MapGet("/", List).WithName("ListWorkflowInstances").WithSummary("Instances, newest first, by definition and status");
        instances.MapGet("/{id}", Get).WithName("GetWorkflowInstance").WithSummary("An instance with its journal");
        instances.MapPost("/{id}/cancel", Cancel).WithName("CancelWorkflowInstance").WithSummary("Cancel a running or suspended instance")
            .RequireAuthorization(AccessPolicies.Operate);
        instances.MapPost("/{id}/retry", Retry).WithName("RetryWorkflowInstance").WithSummary("Run a faulted instance again from the activity that failed")
            .RequireAuthorization(AccessPolicies.Operate);
    }

    private static async Task<Results<Ok<ItemsPage<InstanceSummary>>, ValidationProblem>> List(
        WorkflowInstanceStore store, IDbConnectionFactory db, CancellationToken cancellationToken,
        string? definitionId = null, string? status = null, int skip = 0, int take = 50)
    {
        // Statuses arrive lowercase (contracts §3); the binder's own enum parsing is case-sensitive.
        WorkflowStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"'{status}' is not one of {string.Join(", ", Enum.GetNames<WorkflowStatus>().Select(n => n.ToLowerInvariant()))}."],
                });
            }

            wanted = parsed;
        }

        var items = await store.ListAsync(new InstanceFilter(definitionId, wanted, Math.Max(skip, 0), Math.Clamp(take, 1, 500)), cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM workflow_instances WHERE (@definitionId IS NULL OR definition_id = @definitionId) AND (@statusText IS NULL OR status = @statusText)",
            new { definitionId, statusText = wanted?.ToString().ToLowerInvariant() }, cancellationToken: cancellationToken));
        return TypedResults.Ok(new ItemsPage<InstanceSummary>(items, (int)total));
    }

    private static async Task<Results<Ok<InstanceDetails>, NotFound>> Get(string id, WorkflowInstanceStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } instance)
        {
            return TypedResults.NotFound();
        }

        var summary = new InstanceSummary(
            instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.CreatedAt, instance.UpdatedAt,
            instance.FinishedAt, instance.FaultedActivityId, instance.Error);
        return TypedResults.Ok(new InstanceDetails(summary, await store.GetJournalAsync(id, cancellationToken)));
    }

    private static async Task<Results<NoContent, NotFound, Conflict>> Cancel(string id, WorkflowInstanceStore store, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return await runtime.CancelAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.Conflict();
    }

    private static async Task<Results<Ok<InstanceSummary>, NotFound, Conflict>> Retry(string id, WorkflowInstanceStore store, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { Status: WorkflowStatus.Faulted })
        {
            return await store.GetAsync(id, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.Conflict();
        }

        var instance = await runtime.RetryAsync(id, cancellationToken);
        return TypedResults.Ok(new InstanceSummary(
            instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.CreatedAt, instance.UpdatedAt,
            instance.FinishedAt, instance.FaultedActivityId, instance.Error));
    }
}
