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
    private readonly BookmarkResumer _resumer;
    private readonly InstanceLeases _leases;
    private readonly TriggerMatcher _triggers;
    private readonly RunningInstances _running;
    private readonly IWorkflowTimerScheduler _timers;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkflowRuntime> _logger;

    internal WorkflowRuntime(
        WorkflowDefinitionStore definitions,
        WorkflowInstanceStore instances,
        BurstRunner bursts,
        BookmarkResumer resumer,
        InstanceLeases leases,
        TriggerMatcher triggers,
        RunningInstances running,
        IWorkflowTimerScheduler timers,
        TimeProvider time,
        ILogger<WorkflowRuntime> logger)
    {
        _definitions = definitions;
        _instances = instances;
        _bursts = bursts;
        _resumer = resumer;
        _leases = leases;
        _triggers = triggers;
        _running = running;
        _timers = timers;
        _time = time;
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
        await _resumer.ClaimEarlyStimuliAsync(created, cancellationToken);
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
            resumed += await _resumer.ResumeAsync(eventName, workflowEvent.CorrelationKey, payload, keepIfUnmatched: true, cancellationToken);
        }

        return new DispatchResult(started, resumed);
    }

    /// <inheritdoc />
    public Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, JsonElement? payload = null, CancellationToken cancellationToken = default) =>
        _resumer.ResumeByIdAsync(bookmarkId, payload, cancellationToken);

    /// <inheritdoc />
    public Task<int> ResumeAsync(string eventName, string? correlationKey, JsonElement? payload, CancellationToken cancellationToken = default) =>
        _resumer.ResumeAsync(eventName, correlationKey, payload, keepIfUnmatched: false, cancellationToken);

    /// <inheritdoc />
    public Task<int> ResumeDueTimersAsync(CancellationToken cancellationToken = default) => _resumer.ResumeDueTimersAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (_running.TryCancel(instanceId))
        {
            return true;
        }

        var token = _leases.NewToken();
        if (!await _leases.AcquireAsync(instanceId, token, cancellationToken))
        {
            return false;
        }

        var instance = await _instances.GetAsync(instanceId, cancellationToken);
        if (instance is null || instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
        {
            await _leases.ReleaseAsync(instanceId, token);
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
        var token = _leases.NewToken();
        if (!await _leases.AcquireAsync(instanceId, token, cancellationToken))
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
            await _resumer.ClaimEarlyStimuliAsync(created, cancellationToken);
            return instance;
        }
        catch (InvalidOperationException)
        {
            await _leases.ReleaseAsync(instanceId, token);
            throw;
        }
    }

    private static IEnumerable<string> BookmarkEventNames(string eventType)
    {
        yield return eventType;
        if (eventType is ScanFinishedEvents.Completed or ScanFinishedEvents.Failed or ScanFinishedEvents.Cancelled)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Trigger {ActivityId} of workflow {DefinitionId} failed on {EventType}")]
    private static partial void LogTriggerFailed(ILogger logger, Exception exception, string definitionId, string activityId, string eventType);
}
