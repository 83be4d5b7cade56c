using Vigil.Core.Events;
using Vigil.Workflows.Activities;
using Vigil.Workflows.Contracts;
using Vigil.Workflows.Persistence;
using EngineChange = Vigil.Workflows.Contracts.WorkflowInstanceChanged;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Turns the engine's committed changes into domain events. Going through the outbox (not straight to the hub) gives
/// the browsers, the audit log and any later subscriber the same ordered, at-least-once stream as every other event.
/// </summary>
public sealed class OutboxWorkflowObserver(EventOutbox outbox) : IWorkflowObserver
{
    /// <summary>The bookmark event name of the Approval activity.</summary>
    public const string ApprovalEvent = ApprovalActivity.EventName;

    public Task InstanceChangedAsync(EngineChange change, CancellationToken cancellationToken) =>
        outbox.PublishAsync(
            new Core.Events.WorkflowInstanceChanged(
                change.InstanceId, change.DefinitionId, change.Status.ToString().ToLowerInvariant(), change.ActivityId, change.ActivityStatus),
            cancellationToken);

    public Task BookmarkCreatedAsync(StoredBookmark bookmark, CancellationToken cancellationToken) =>
        bookmark.EventName == ApprovalEvent
            ? outbox.PublishAsync(new ApprovalRequested(bookmark.Id, bookmark.InstanceId, bookmark.ActivityId, bookmark.PayloadJson), cancellationToken)
            : Task.CompletedTask;
}
