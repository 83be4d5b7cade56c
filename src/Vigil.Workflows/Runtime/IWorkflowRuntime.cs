using System.Text.Json;

namespace Vigil.Workflows.Runtime;

/// <summary>Starts, resumes, cancels and retries workflow instances. Safe to use from several engines on one database.</summary>
public interface IWorkflowRuntime
{
    /// <summary>Starts an instance of a published definition and runs it until it suspends, finishes or faults.</summary>
    /// <returns>The instance, or null when <see cref="StartOptions.StartKey"/> was already used.</returns>
    Task<WorkflowInstance?> StartAsync(string definitionId, JsonElement? input = null, StartOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Starts the flows whose triggers match the event, and resumes the bookmarks waiting for it.</summary>
    Task<DispatchResult> DispatchAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken = default);

    /// <summary>Resumes one bookmark (approvals, timers) exactly once, even when called concurrently from several engines.</summary>
    Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, JsonElement? payload = null, CancellationToken cancellationToken = default);

    /// <summary>Resumes every bookmark waiting for <paramref name="eventName"/> (and key); returns how many were resumed.</summary>
    Task<int> ResumeAsync(string eventName, string? correlationKey, JsonElement? payload, CancellationToken cancellationToken = default);

    /// <summary>Resumes timer bookmarks whose due time has passed (start-up catch-up and periodic sweep).</summary>
    Task<int> ResumeDueTimersAsync(CancellationToken cancellationToken = default);

    /// <summary>Cancels a running or suspended instance and drops its bookmarks; false when it had already ended.</summary>
    Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Runs a faulted instance again from the activity that failed.</summary>
    Task<WorkflowInstance> RetryAsync(string instanceId, CancellationToken cancellationToken = default);
}
