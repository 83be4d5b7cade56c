using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Activities;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Expressions;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// Runs one burst of an instance in memory: executes scheduled activities in order, follows outcomes along connections,
/// gathers joins, records bookmarks and the journal into <see cref="PendingChanges"/>. It never touches the database;
/// the caller commits (after the burst, or after each activity through the checkpoint).
/// </summary>
public sealed class WorkflowExecutor
{
    private readonly ActivityRegistry _registry;
    private readonly IExpressionEvaluator _expressions;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly WorkflowEngineOptions _options;

    /// <summary>Creates the executor.</summary>
    public WorkflowExecutor(
        ActivityRegistry registry,
        IExpressionEvaluator expressions,
        ILoggerFactory loggers,
        TimeProvider time,
        WorkflowEngineOptions options)
    {
        _registry = registry;
        _expressions = expressions;
        _loggers = loggers;
        _time = time;
        _options = options;
    }

    /// <summary>
    /// Executes until nothing is scheduled: the instance ends <see cref="WorkflowStatus.Suspended"/> (bookmarks left),
    /// <see cref="WorkflowStatus.Finished"/> or <see cref="WorkflowStatus.Faulted"/>.
    /// </summary>
    public async Task RunAsync(
        CompiledWorkflow workflow,
        WorkflowInstance instance,
        IServiceProvider services,
        ResumeSignal? resume,
        PendingChanges pending,
        Func<Task> checkpoint,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var state = instance.State;
        instance.Status = WorkflowStatus.Running;
        if (resume is not null)
        {
            state.Bookmarks.RemoveAll(b => b.Id == resume.Bookmark.Id);
            pending.ConsumedBookmarkIds.Add(resume.Bookmark.Id);
            state.Scheduled.Insert(0, new ScheduledActivity(resume.Bookmark.ActivityId, null, Resume: true));
        }

        var executed = 0;
        while (state.Scheduled.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = state.Scheduled[0];
            state.Scheduled.RemoveAt(0);
            var (node, descriptor) = workflow[item.ActivityId];
            if (++executed > _options.MaxActivitiesPerBurst)
            {
                Fault(instance, pending, node, descriptor, _time.GetUtcNow(), null, item.Resume,
                    $"The instance executed more than {_options.MaxActivitiesPerBurst} activities without waiting; it looks like a runaway loop.");
                break;
            }

            if (!await ExecuteAsync(workflow, instance, services, item, item.Resume ? resume : null, pending, cancellationToken))
            {
                break;
            }

            await checkpoint();
        }

        if (instance.Status == WorkflowStatus.Running)
        {
            instance.Status = state.Bookmarks.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;
            if (instance.Status == WorkflowStatus.Finished)
            {
                instance.FinishedAt = _time.GetUtcNow();
            }
        }

        instance.UpdatedAt = _time.GetUtcNow();
    }

    private async Task<bool> ExecuteAsync(
        CompiledWorkflow workflow,
        WorkflowInstance instance,
        IServiceProvider services,
        ScheduledActivity item,
        ResumeSignal? resume,
        PendingChanges pending,
        CancellationToken cancellationToken)
    {
        var (node, descriptor) = workflow[item.ActivityId];
        var started = _time.GetUtcNow();
        Dictionary<string, JsonElement> inputs;
        try
        {
            inputs = InputEvaluator.Evaluate(node, descriptor, _expressions, () => ScopeOf(instance), cancellationToken);
        }
        catch (ExpressionException ex)
        {
            Fault(instance, pending, node, descriptor, started, null, item.Resume, ex.Message);
            return false;
        }

        var logger = _loggers.CreateLogger($"Vigil.Workflows.Activities.{descriptor.Type}");
        var context = new ActivityExecutionContext(instance, node.Id, inputs, resume, logger, _time, cancellationToken);
        try
        {
            var activity = _registry.Create(descriptor, services);
            await activity.ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Fault(instance, pending, node, descriptor, started, inputs, item.Resume, ex.Message, context.Outputs);
            return false;
        }

        if (context.Outputs.Count > 0)
        {
            instance.State.Outputs[node.Id] = context.Outputs;
        }

        string status;
        string? outcomes = null;
        if (context.Bookmark is { } request)
        {
            var bookmark = new NewBookmark(Guid.CreateVersion7().ToString("N"), instance.Id, node.Id, request, _time.GetUtcNow());
            pending.NewBookmarks.Add(bookmark);
            instance.State.Bookmarks.Add(new BookmarkRef(bookmark.Id, node.Id));
            status = "suspended";
        }
        else
        {
            var completed = context.CompletedOutcomes ?? [ActivityOutcomeNames.Done];
            Schedule(workflow, instance.State, node.Id, completed);
            status = "completed";
            outcomes = string.Join(",", completed);
        }

        pending.Journal.Add(Entry(instance, node, descriptor, status, outcomes, inputs, context.Outputs, null, item.Resume, started));
        return true;
    }

    private static void Schedule(CompiledWorkflow workflow, InstanceState state, string sourceId, IReadOnlyList<string> outcomes)
    {
        foreach (var connection in workflow.Outgoing(sourceId))
        {
            if (!outcomes.Contains(connection.SourceOutcome, StringComparer.Ordinal))
            {
                continue;
            }

            var (target, descriptor) = workflow[connection.Target];
            if (descriptor.Type != JoinActivity.TypeName)
            {
                state.Scheduled.Add(new ScheduledActivity(target.Id, sourceId));
                continue;
            }

            // A join runs when every incoming branch has arrived (waitAll) or on the first arrival (waitAny); the round
            // then starts over so a join inside a loop joins again on the next pass.
            var arrivals = state.JoinArrivals.TryGetValue(target.Id, out var list) ? list : state.JoinArrivals[target.Id] = [];
            var firstArrival = arrivals.Count == 0;
            if (!arrivals.Contains(sourceId))
            {
                arrivals.Add(sourceId);
            }

            var waitAny = JoinActivity.IsWaitAny(target);
            var expected = workflow.IncomingSources(target.Id).Count();
            if (waitAny ? firstArrival : arrivals.Count >= expected)
            {
                state.Scheduled.Add(new ScheduledActivity(target.Id, sourceId));
            }

            if (arrivals.Count >= expected)
            {
                state.JoinArrivals.Remove(target.Id);
            }
        }
    }

    private void Fault(
        WorkflowInstance instance,
        PendingChanges pending,
        ActivityNode node,
        ActivityDescriptor descriptor,
        DateTimeOffset started,
        IReadOnlyDictionary<string, JsonElement>? inputs,
        bool resumed,
        string message,
        IReadOnlyDictionary<string, JsonElement>? outputs = null)
    {
        instance.Status = WorkflowStatus.Faulted;
        instance.FaultedActivityId = node.Id;
        instance.Error = $"Activity '{node.Id}' ({descriptor.Type}) failed: {message}";
        instance.FinishedAt = _time.GetUtcNow();
        instance.State.Scheduled.Clear();
        pending.Journal.Add(Entry(instance, node, descriptor, "faulted", null, inputs, outputs, message, resumed, started));
    }

    private JournalEntry Entry(
        WorkflowInstance instance,
        ActivityNode node,
        ActivityDescriptor descriptor,
        string status,
        string? outcomes,
        IReadOnlyDictionary<string, JsonElement>? inputs,
        IReadOnlyDictionary<string, JsonElement>? outputs,
        string? error,
        bool resumed,
        DateTimeOffset started) => new(
            instance.Id,
            instance.State.NextSequence++,
            node.Id,
            descriptor.Type,
            status,
            outcomes,
            inputs is null ? null : InputEvaluator.Redact(inputs, n => descriptor.FindInput(n)?.Secret == true),
            outputs is null || outputs.Count == 0 ? null : InputEvaluator.Redact(outputs, n => descriptor.Outputs.Any(o => o.Name == n && o.Secret)),
            error,
            resumed,
            started,
            _time.GetUtcNow());

    private static ExpressionScope ScopeOf(WorkflowInstance instance)
    {
        var state = instance.State;
        var activities = state.Outputs.ToDictionary(kv => kv.Key, kv => new { outputs = kv.Value }, StringComparer.Ordinal);
        return new ExpressionScope(
            JsonSerializer.Serialize(state.Variables, WorkflowJson.Options),
            state.Input.ValueKind == JsonValueKind.Undefined ? "null" : state.Input.GetRawText(),
            JsonSerializer.Serialize(activities, WorkflowJson.Options));
    }
}
