using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Workflows;

/// <summary>Pending approvals and decisions on them, shared by the approvals API and the Approvals page.</summary>
public sealed class ApprovalDesk(WorkflowBookmarkStore bookmarks, WorkflowInstanceStore instances, IWorkflowRuntime runtime, EventOutbox outbox)
{
    public const int MaxListed = 500;

    public async Task<IReadOnlyList<PendingApproval>> ListAsync(CancellationToken cancellationToken = default)
    {
        var pending = new List<PendingApproval>();
        foreach (var bookmark in await bookmarks.ListAsync(null, OutboxWorkflowObserver.ApprovalEvent, 0, MaxListed, cancellationToken))
        {
            var instance = await instances.GetAsync(bookmark.InstanceId, cancellationToken);
            pending.Add(PendingApproval.From(bookmark, instance?.DefinitionId ?? ""));
        }

        return pending;
    }

    /// <summary>Resumes the approval's instance along Approved or Rejected, exactly once.</summary>
    public async Task<ResumeResult> DecideAsync(string approvalId, bool approved, string? comment, string actor, CancellationToken cancellationToken = default)
    {
        // Only approval bookmarks: deciding must never become a way to fire any waiting event.
        if (await bookmarks.GetAsync(approvalId, cancellationToken) is not { EventName: OutboxWorkflowObserver.ApprovalEvent } bookmark)
        {
            return ResumeResult.NotFound;
        }

        var decision = JsonSerializer.SerializeToElement(new { approved, by = actor, comment });
        var result = await runtime.ResumeBookmarkAsync(approvalId, decision, cancellationToken);
        if (result == ResumeResult.Resumed)
        {
            await outbox.PublishAsync(new ApprovalDecided(actor, bookmark.InstanceId, bookmark.ActivityId, approved, comment), cancellationToken);
        }

        return result;
    }
}
