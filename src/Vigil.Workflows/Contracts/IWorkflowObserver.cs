using Vigil.Workflows.Persistence;

namespace Vigil.Workflows.Contracts;

/// <summary>
/// Receives committed changes: the host turns them into <c>WorkflowInstanceChanged</c> and <c>ApprovalRequested</c>
/// domain events for the UI hub and the audit log. Observers run after the commit; one that throws is logged and ignored.
/// </summary>
public interface IWorkflowObserver
{
    /// <summary>An instance or activity changed.</summary>
    Task InstanceChangedAsync(WorkflowInstanceChanged change, CancellationToken cancellationToken);

    /// <summary>A bookmark was stored (Approval bookmarks have event name <c>Vigil.Approval</c>).</summary>
    Task BookmarkCreatedAsync(StoredBookmark bookmark, CancellationToken cancellationToken);
}
