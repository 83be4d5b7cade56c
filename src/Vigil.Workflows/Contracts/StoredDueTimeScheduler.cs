namespace Vigil.Workflows.Contracts;

/// <summary>
/// Default <see cref="IWorkflowTimerScheduler"/> until the host registers its Quartz-backed one: schedules nothing itself,
/// relying on the due time stored with each bookmark and a periodic call of
/// <see cref="Runtime.IWorkflowRuntime.ResumeDueTimersAsync"/> by the host.
/// </summary>
public sealed class StoredDueTimeScheduler : IWorkflowTimerScheduler
{
    /// <inheritdoc />
    public Task ScheduleAsync(string bookmarkId, DateTimeOffset dueAt, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task UnscheduleAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
