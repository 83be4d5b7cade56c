using System.Security.Claims;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Dashboard.Security;
using Vigil.Dashboard.Workflows;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Apis;

public static class ApprovalsApi
{
    public sealed record DecisionRequest(string? Comment);

    public static void MapApprovalsApi(this RouteGroupBuilder api)
    {
        var approvals = api.MapGroup("/approvals").WithTags("Approvals");
        approvals.MapGet("/", List).WithName("ListApprovals").WithSummary("Approvals waiting for a person");
        approvals.MapPost("/{id}/approve", Approve).WithName("Approve").WithSummary("Approve; the instance resumes along Approved")
            .RequireAuthorization(AccessPolicies.Operate);
        approvals.MapPost("/{id}/reject", Reject).WithName("Reject").WithSummary("Reject; the instance resumes along Rejected")
            .RequireAuthorization(AccessPolicies.Operate);
    }

    private static async Task<Ok<ItemsPage<PendingApproval>>> List(WorkflowBookmarkStore bookmarks, WorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        var pending = new List<PendingApproval>();
        foreach (var bookmark in await bookmarks.ListAsync(null, OutboxWorkflowObserver.ApprovalEvent, 0, 500, cancellationToken))
        {
            var instance = await instances.GetAsync(bookmark.InstanceId, cancellationToken);
            pending.Add(PendingApproval.From(bookmark, instance?.DefinitionId ?? ""));
        }

        return TypedResults.Ok(new ItemsPage<PendingApproval>(pending, pending.Count));
    }

    private static Task<Results<NoContent, NotFound, Conflict>> Approve(
        string id, DecisionRequest? request, WorkflowBookmarkStore bookmarks, IWorkflowRuntime runtime, EventOutbox outbox, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        DecideAsync(id, true, request?.Comment, bookmarks, runtime, outbox, caller, cancellationToken);

    private static Task<Results<NoContent, NotFound, Conflict>> Reject(
        string id, DecisionRequest? request, WorkflowBookmarkStore bookmarks, IWorkflowRuntime runtime, EventOutbox outbox, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        DecideAsync(id, false, request?.Comment, bookmarks, runtime, outbox, caller, cancellationToken);

    private static async Task<Results<NoContent, NotFound, Conflict>> DecideAsync(
        string id, bool approved, string? comment, WorkflowBookmarkStore bookmarks, IWorkflowRuntime runtime, EventOutbox outbox,
        ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        // Only approval bookmarks: this endpoint must not become a way to fire any waiting event.
        if (await bookmarks.GetAsync(id, cancellationToken) is not { EventName: OutboxWorkflowObserver.ApprovalEvent } bookmark)
        {
            return TypedResults.NotFound();
        }

        var decision = JsonSerializer.SerializeToElement(new { approved, by = caller.ActorName(), comment });
        switch (await runtime.ResumeBookmarkAsync(id, decision, cancellationToken))
        {
            case ResumeResult.Resumed:
                await outbox.PublishAsync(new ApprovalDecided(caller.ActorName(), bookmark.InstanceId, bookmark.ActivityId, approved, comment), cancellationToken);
                return TypedResults.NoContent();
            case ResumeResult.NotFound:
                return TypedResults.NotFound();
            default:
                return TypedResults.Conflict();
        }
    }
}
