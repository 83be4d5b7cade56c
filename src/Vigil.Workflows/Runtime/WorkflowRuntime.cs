using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Activities;
using Vigil.Workflows.Contracts;
using Vigil.Workflows.Persistence;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// The engine's entry point. Every change to an existing instance happens under a database lease on it (conditional
/// update with a fresh token), and a bookmark is deleted in the same transaction that commits its resumption, so each
/// bookmark resumes exactly once however many engines race for it.
/// </summary>
public sealed partial class WorkflowRuntime : IWorkflowRuntime
{
    private readonly WorkflowDefinitionStore _definitions;
    private readonly WorkflowInstanceStore _instances;
    private readonly BurstRunner _bursts;
    private readonly TriggerMatcher _triggers;
    private readonly RunningInstances _running;
    private readonly IWorkflowTimerScheduler _timers;
    private readonly TimeProvider _time;
    private readonly WorkflowEngineOptions _options;
    private readonly ILogger<WorkflowRuntime> _logger;

    internal WorkflowRuntime(
        WorkflowDefinitionStore definitions,
        WorkflowInstanceStore instances,
        BurstRunner bursts,
        TriggerMatcher triggers,
        RunningInstances running,
        IWorkflowTimerScheduler timers,
        TimeProvider time,
        WorkflowEngineOptions options,
        ILogger<WorkflowRuntime> logger)
    {
        _definitions = definitions;
        _instances = instances;
        _bursts = bursts;
        _triggers = triggers;
        _running = running;
        _timers = timers;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<WorkflowInstance?> StartAsync(
        string definitionId, JsonElement? input = null, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StartOptions();
        var version = options.Version
            ?? await _definitions.GetPublishedVersionAsync(definitionId, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow '{definitionId}' has no published version.");
        var workflow = await _definitions.GetVersionAsync(definitionId, version, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow '{definitionId}' has no version {version}.");
        var trigger = options.TriggerActivityId
            ?? workflow.Triggers.OrderBy(t => t.Node.Type == "Vigil.Manual" ? 0 : 1).Select(t => t.Node.Id).FirstOrDefault()
            ?? throw new InvalidOperationException($"Workflow '{definitionId}' has no trigger.");
        if (!workflow.Contains(trigger) || workflow[trigger].Descriptor.Kind != ActivityKind.Trigger)
        {
            throw new InvalidOperationException($"'{trigger}' is not a trigger of workflow '{definitionId}'.");
        }

        var now = _time.GetUtcNow();
        var instanceId = Guid.CreateVersion7().ToString("N");
        if (options.StartKey is { } key && !await _instances.TryClaimStartAsync(key, instanceId, now, cancellationToken))
        {
            return null;
        }

        var instance = new WorkflowInstance
        {
            Id = instanceId,
            DefinitionId = definitionId,
            DefinitionVersion = version,
            Status = WorkflowStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
        };
        instance.State.Input = input ?? JsonSerializer.SerializeToElement(new { });
        foreach (var variable in workflow.Definition.Variables)
        {
            instance.State.Variables[variable.Name] = variable.Default ?? JsonSerializer.SerializeToElement<object?>(null);
        }

        instance.State.Scheduled.Add(new ScheduledActivity(trigger, null));
        var created = await _bursts.RunAsync(workflow, instance, isNew: true, leaseToken: null, resume: null, cancellationToken);
        await ClaimEarlyStimuliAsync(created, cancellationToken);
        return instance;
    }

    /// <inheritdoc />
    public async Task<DispatchResult> DispatchAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflowEvent);
        var started = new List<string>();
        foreach (var trigger in await _definitions.FindTriggersAsync(workflowEvent.Type, cancellationToken))
        {
            try
            {
                if (!_triggers.Matches(trigger, workflowEvent.Payload))
                {
                    continue;
                }

                var startKey = workflowEvent.Id is null ? null : $"{workflowEvent.Id}:{trigger.DefinitionId}:{trigger.ActivityId}";
                var instance = await StartAsync(
                    trigger.DefinitionId, workflowEvent.Payload, new StartOptions(trigger.ActivityId, trigger.Version, startKey), cancellationToken);
                if (instance is not null)
                {
                    started.Add(instance.Id);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken flow must not keep the event from the others.
                LogTriggerFailed(_logger, ex, trigger.DefinitionId, trigger.ActivityId, workflowEvent.Type);
            }
        }

        var payload = WithType(workflowEvent);
        var resumed = 0;
        foreach (var eventName in BookmarkEventNames(workflowEvent.Type))
        {
            resumed += await ResumeCoreAsync(eventName, workflowEvent.CorrelationKey, payload, keepIfUnmatched: true, cancellationToken);
        }

        return new DispatchResult(started, resumed);
    }

    /// <inheritdoc />
    public async Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, JsonElement? payload = null, CancellationToken cancellationToken = default)
    {
        var bookmark = await _instances.GetBookmarkAsync(bookmarkId, cancellationToken);
        return bookmark is null ? ResumeResult.NotFound : await ResumeOneAsync(bookmark, payload, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> ResumeAsync(string eventName, string? correlationKey, JsonElement? payload, CancellationToken cancellationToken = default) =>
        ResumeCoreAsync(eventName, correlationKey, payload, keepIfUnmatched: false, cancellationToken);

    /// <inheritdoc />
    public async Task<int> ResumeDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resumed = 0;
        while (true)
        {
            var page = await NextDuePageAsync(cancellationToken);
            var fresh = page.Where(b => seen.Add(b.Id)).ToArray();
            if (fresh.Length == 0)
            {
                return resumed;
            }

            foreach (var bookmark in fresh)
            {
                var payload = JsonSerializer.SerializeToElement(new { firedAt = _time.GetUtcNow() });
                if (await ResumeOneAsync(bookmark, payload, null, cancellationToken) == ResumeResult.Resumed)
                {
                    resumed++;
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (_running.TryCancel(instanceId))
        {
            return true;
        }

        var token = Guid.NewGuid().ToString("N");
        if (!await AcquireLeaseAsync(instanceId, token, cancellationToken))
        {
            return false;
        }

        var instance = await _instances.GetAsync(instanceId, cancellationToken);
        if (instance is null || instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
        {
            await _instances.ReleaseLeaseAsync(instanceId, token, cancellationToken);
            return false;
        }

        var dropped = instance.State.Bookmarks.Select(b => b.Id).ToArray();
        instance.Status = WorkflowStatus.Cancelled;
        instance.FinishedAt = instance.UpdatedAt = _time.GetUtcNow();
        instance.State.Bookmarks.Clear();
        instance.State.Scheduled.Clear();
        await _instances.SaveAsync(instance, isNew: false, token, keepLeaseUntil: null, new PendingChanges { DeleteAllBookmarks = true }, cancellationToken);
        await _timers.UnscheduleAsync(dropped, cancellationToken);
        await _bursts.NotifyAsync(instance, [], []);
        return true;
    }

    /// <inheritdoc />
    public async Task<WorkflowInstance> RetryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var token = Guid.NewGuid().ToString("N");
        if (!await AcquireLeaseAsync(instanceId, token, cancellationToken))
        {
            throw new InvalidOperationException($"Workflow instance {instanceId} is busy or does not exist.");
        }

        try
        {
            var instance = await _instances.GetAsync(instanceId, cancellationToken);
            if (instance is not { Status: WorkflowStatus.Faulted, FaultedActivityId: { } failed })
            {
                throw new InvalidOperationException($"Workflow instance {instanceId} is not faulted; only a faulted instance can be retried.");
            }

            var workflow = await _definitions.GetVersionAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)
                ?? throw new InvalidOperationException($"Version {instance.DefinitionVersion} of '{instance.DefinitionId}' is missing.");
            instance.Error = null;
            instance.FaultedActivityId = null;
            instance.FinishedAt = null;
            instance.State.Scheduled.Add(new ScheduledActivity(failed, null));
            var created = await _bursts.RunAsync(workflow, instance, isNew: false, token, resume: null, cancellationToken);
            await ClaimEarlyStimuliAsync(created, cancellationToken);
            return instance;
        }
        catch (InvalidOperationException)
        {
            await _instances.ReleaseLeaseAsync(instanceId, token, CancellationToken.None);
            throw;
        }
    }

    private Task<IReadOnlyList<StoredBookmark>> NextDuePageAsync(CancellationToken cancellationToken) =>
        _instances.FindDueBookmarksAsync(_time.GetUtcNow(), _options.ResumePageSize, cancellationToken);

    private async Task<int> ResumeCoreAsync(
        string eventName, string? correlationKey, JsonElement? payload, bool keepIfUnmatched, CancellationToken cancellationToken)
    {
        var createdHere = new HashSet<string>(StringComparer.Ordinal);
        var resumed = await ResumePagesAsync(eventName, correlationKey, payload, createdHere, cancellationToken);
        if (resumed > 0 || !keepIfUnmatched || correlationKey is null)
        {
            return resumed;
        }

        // Nothing waits yet: the flow may still be running towards its wait (the scan finished first). Keep the event
        // briefly; whichever side deletes the kept row first uses it, so it resumes at most one bookmark.
        await _instances.AddStimulusAsync(eventName, correlationKey, payload?.GetRawText(), _time.GetUtcNow() + _options.StimulusRetention, cancellationToken);
        var late = await _instances.FindBookmarksAsync(eventName, correlationKey, "", 1, cancellationToken);
        if (late.Count > 0 && await _instances.TakeStimulusAsync(eventName, correlationKey, _time.GetUtcNow(), cancellationToken) is { } kept)
        {
            resumed += await ResumePagesAsync(eventName, correlationKey, Parse(kept), createdHere, cancellationToken);
        }

        return resumed;
    }

    private async Task<int> ResumePagesAsync(
        string eventName, string? correlationKey, JsonElement? payload, HashSet<string> createdHere, CancellationToken cancellationToken)
    {
        var after = "";
        var resumed = 0;
        while (true)
        {
            var page = await _instances.FindBookmarksAsync(eventName, correlationKey, after, _options.ResumePageSize, cancellationToken);
            foreach (var bookmark in page)
            {
                after = bookmark.Id;

                // A flow that waits again for the same event gets a new bookmark; this event must not resume it too.
                if (!createdHere.Contains(bookmark.Id)
                    && await ResumeOneAsync(bookmark, payload, createdHere, cancellationToken) == ResumeResult.Resumed)
                {
                    resumed++;
                }
            }

            if (page.Count < _options.ResumePageSize)
            {
                return resumed;
            }
        }
    }

    private async Task<ResumeResult> ResumeOneAsync(
        StoredBookmark bookmark, JsonElement? payload, HashSet<string>? createdHere, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        if (!await AcquireLeaseAsync(bookmark.InstanceId, token, cancellationToken))
        {
            return await _instances.GetBookmarkAsync(bookmark.Id, cancellationToken) is null ? ResumeResult.NotFound : ResumeResult.Busy;
        }

        var committed = false;
        try
        {
            // Checked again under the lease: another engine may have consumed the bookmark while this one waited.
            if (await _instances.GetBookmarkAsync(bookmark.Id, cancellationToken) is null)
            {
                return ResumeResult.NotFound;
            }

            var instance = await _instances.GetAsync(bookmark.InstanceId, cancellationToken);
            if (instance is not { Status: WorkflowStatus.Suspended or WorkflowStatus.Running })
            {
                return ResumeResult.NotResumable;
            }

            var workflow = await _definitions.GetVersionAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)
                ?? throw new InvalidOperationException($"Version {instance.DefinitionVersion} of '{instance.DefinitionId}' is missing.");
            var reference = instance.State.Bookmarks.FirstOrDefault(b => b.Id == bookmark.Id) ?? new BookmarkRef(bookmark.Id, bookmark.ActivityId);
            var created = await _bursts.RunAsync(workflow, instance, isNew: false, token, new ResumeSignal(reference, payload), cancellationToken);
            committed = true;
            foreach (var id in created.Select(b => b.Id))
            {
                createdHere?.Add(id);
            }

            await ClaimEarlyStimuliAsync(created, cancellationToken);
            return ResumeResult.Resumed;
        }
        finally
        {
            if (!committed)
            {
                await _instances.ReleaseLeaseAsync(bookmark.InstanceId, token, CancellationToken.None);
            }
        }
    }

    private async Task<bool> AcquireLeaseAsync(string instanceId, string token, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.LeaseWaitTimeout;
        var delay = TimeSpan.FromMilliseconds(2);
        var started = Environment.TickCount64;
        while (true)
        {
            var now = _time.GetUtcNow();
            if (await _instances.TryAcquireLeaseAsync(instanceId, token, now, now + _options.LeaseDuration, cancellationToken))
            {
                return true;
            }

            // Bounded by real time as well, so a frozen test clock cannot make a resume wait forever.
            if (now >= deadline || Environment.TickCount64 - started > _options.LeaseWaitTimeout.TotalMilliseconds)
            {
                return false;
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    private async Task ClaimEarlyStimuliAsync(IReadOnlyList<NewBookmark> created, CancellationToken cancellationToken)
    {
        foreach (var bookmark in created)
        {
            // Timers and approvals are resumed by id, never by a domain event that could arrive early.
            if (bookmark.Request.CorrelationKey is not { } key
                || bookmark.Request.EventName is TimerBookmarks.EventName or ApprovalActivity.EventName)
            {
                continue;
            }

            if (await _instances.TakeStimulusAsync(bookmark.Request.EventName, key, _time.GetUtcNow(), cancellationToken) is { } payload)
            {
                await ResumeBookmarkAsync(bookmark.Id, Parse(payload), cancellationToken);
            }
        }
    }

    private static IEnumerable<string> BookmarkEventNames(string eventType)
    {
        yield return eventType;
        if (eventType is ScanFinishedEvents.Completed or ScanFinishedEvents.Failed)
        {
            yield return WaitForScanActivity.EventName;
        }
    }

    private static JsonElement WithType(WorkflowEvent workflowEvent)
    {
        if (workflowEvent.Payload.ValueKind != JsonValueKind.Object || workflowEvent.Payload.TryGetProperty("type", out _))
        {
            return workflowEvent.Payload;
        }

        var copy = JsonNode.Parse(workflowEvent.Payload.GetRawText())!.AsObject();
        copy["type"] = workflowEvent.Type;
        return JsonSerializer.SerializeToElement(copy);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [LoggerMessage(Level = LogLevel.Error, Message = "Trigger {ActivityId} of workflow {DefinitionId} failed on {EventType}")]
    private static partial void LogTriggerFailed(ILogger logger, Exception exception, string definitionId, string activityId, string eventType);
}
