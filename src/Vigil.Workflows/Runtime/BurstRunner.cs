using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Workflows.Contracts;
using Vigil.Workflows.Persistence;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// Runs one burst of an instance and commits it: in one transaction at the end (batched journal) or after every activity
/// (durable), then schedules timers and tells observers. The caller holds the instance's lease (or the instance is new).
/// </summary>
internal sealed partial class BurstRunner
{
    private readonly WorkflowExecutor _executor;
    private readonly WorkflowInstanceStore _instances;
    private readonly IServiceScopeFactory _scopes;
    private readonly IWorkflowTimerScheduler _timers;
    private readonly IWorkflowObserver[] _observers;
    private readonly TimeProvider _time;
    private readonly WorkflowEngineOptions _options;
    private readonly RunningInstances _running;
    private readonly ILogger<BurstRunner> _logger;

    public BurstRunner(
        WorkflowExecutor executor,
        WorkflowInstanceStore instances,
        IServiceScopeFactory scopes,
        IWorkflowTimerScheduler timers,
        IEnumerable<IWorkflowObserver> observers,
        TimeProvider time,
        WorkflowEngineOptions options,
        RunningInstances running,
        ILogger<BurstRunner> logger)
    {
        _executor = executor;
        _instances = instances;
        _scopes = scopes;
        _timers = timers;
        _observers = observers.ToArray();
        _time = time;
        _options = options;
        _running = running;
        _logger = logger;
    }

    /// <summary>Runs and commits; returns the bookmarks the burst created.</summary>
    public async Task<IReadOnlyList<NewBookmark>> RunAsync(
        CompiledWorkflow workflow,
        WorkflowInstance instance,
        bool isNew,
        string? leaseToken,
        ResumeSignal? resume,
        CancellationToken cancellationToken)
    {
        var pending = new PendingChanges();
        var created = new List<NewBookmark>();
        var journal = new List<JournalEntry>();
        var stored = !isNew;
        var durable = _options.JournalCommitMode == JournalCommitMode.PerActivity;
        if (durable && isNew)
        {
            leaseToken ??= Guid.NewGuid().ToString("N");
        }

        async Task CommitAsync(bool keepLease)
        {
            created.AddRange(pending.NewBookmarks);
            journal.AddRange(pending.Journal);
            await _instances.SaveAsync(instance, !stored, leaseToken, keepLease ? _time.GetUtcNow() + _options.LeaseDuration : null, pending, CancellationToken.None);
            stored = true;
            pending.Clear();
        }

        var source = _running.Enter(instance.Id, cancellationToken);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await _executor.RunAsync(
                workflow,
                instance,
                scope.ServiceProvider,
                resume,
                pending,
                durable ? () => CommitAsync(keepLease: true) : () => Task.CompletedTask,
                source.Token);
        }
        catch (OperationCanceledException) when (source.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Cancelled through CancelAsync while running here: end the instance and drop every bookmark it had.
            var dropped = instance.State.Bookmarks.Select(b => b.Id).ToArray();
            instance.Status = WorkflowStatus.Cancelled;
            instance.FinishedAt = instance.UpdatedAt = _time.GetUtcNow();
            instance.State.Bookmarks.Clear();
            instance.State.Scheduled.Clear();
            pending.NewBookmarks.Clear();
            pending.DeleteAllBookmarks = true;
            await _timers.UnscheduleAsync(dropped, CancellationToken.None);
        }
        finally
        {
            _running.Leave(instance.Id, source);
        }

        await CommitAsync(keepLease: false);
        foreach (var bookmark in created.Where(b => b.Request.DueAt is not null && instance.State.Bookmarks.Any(r => r.Id == b.Id)))
        {
            await _timers.ScheduleAsync(bookmark.Id, bookmark.Request.DueAt!.Value, CancellationToken.None);
        }

        await NotifyAsync(instance, journal, created);
        return created;
    }

    /// <summary>Tells observers about a committed change; their failures never reach the engine.</summary>
    public async Task NotifyAsync(WorkflowInstance instance, IReadOnlyList<JournalEntry> journal, IReadOnlyList<NewBookmark> created)
    {
        if (_observers.Length == 0)
        {
            return;
        }

        foreach (var observer in _observers)
        {
            try
            {
                foreach (var entry in journal)
                {
                    await observer.InstanceChangedAsync(
                        new WorkflowInstanceChanged(instance.Id, instance.DefinitionId, instance.Status, entry.ActivityId, entry.Status), CancellationToken.None);
                }

                await observer.InstanceChangedAsync(
                    new WorkflowInstanceChanged(instance.Id, instance.DefinitionId, instance.Status, null, null), CancellationToken.None);
                foreach (var bookmark in created)
                {
                    await observer.BookmarkCreatedAsync(
                        new StoredBookmark(bookmark.Id, bookmark.InstanceId, bookmark.ActivityId, bookmark.Request.EventName,
                            bookmark.Request.CorrelationKey, bookmark.Request.DueAt, bookmark.Request.Payload?.GetRawText(), bookmark.CreatedAt),
                        CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogObserverFailed(_logger, ex, observer.GetType().Name, instance.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow observer {Observer} failed for instance {InstanceId}")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer, string instanceId);
}
