using System.Security.Claims;
using Vigil.Dashboard.Security;
using Vigil.Dashboard.Workflows;
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

    private static async Task<Ok<ItemsPage<PendingApproval>>> List(ApprovalDesk desk, CancellationToken cancellationToken)
    {
        var pending = await desk.ListAsync(cancellationToken);
        return TypedResults.Ok(new ItemsPage<PendingApproval>(pending, pending.Count));
    }

    private static Task<Results<NoContent, NotFound, Conflict>> Approve(
        string id, DecisionRequest? request, ApprovalDesk desk, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        DecideAsync(id, true, request?.Comment, desk, caller, cancellationToken);

    private static Task<Results<NoContent, NotFound, Conflict>> Reject(
        string id, DecisionRequest? request, ApprovalDesk desk, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        DecideAsync(id, false, request?.Comment, desk, caller, cancellationToken);

    private static async Task<Results<NoContent, NotFound, Conflict>> DecideAsync(
        string id, bool approved, string? comment, ApprovalDesk desk, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        await desk.DecideAsync(id, approved, comment, caller.ActorName(), cancellationToken) switch
        {
            ResumeResult.Resumed => TypedResults.NoContent(),
            ResumeResult.NotFound => TypedResults.NotFound(),
            // Not resumable (instance cancelled meanwhile) or busy on another console.
            _ => TypedResults.Conflict(),
        };
}
