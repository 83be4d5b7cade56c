namespace Vigil.Workflows.Contracts;

/// <summary>
/// Fires timer bookmarks (Delay, Wait until) at their due time. The host backs it with Quartz.NET's persistent job store
/// (ARCHITECTURE.md "Time and background work"): schedule a one-shot job per bookmark that calls
/// <see cref="Runtime.IWorkflowRuntime.ResumeBookmarkAsync"/>; a job that fires twice is harmless, since a bookmark is
/// consumed exactly once. The due time is also stored with the bookmark, so
/// <see cref="Runtime.IWorkflowRuntime.ResumeDueTimersAsync"/> can catch up after downtime.
/// </summary>
public interface IWorkflowTimerScheduler
{
    /// <summary>Arranges for <paramref name="bookmarkId"/> to be resumed at <paramref name="dueAt"/>.</summary>
    Task ScheduleAsync(string bookmarkId, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Forgets timers whose bookmarks were dropped (instance cancelled).</summary>
    Task UnscheduleAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken);
}
