using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Model;
using Vigil.Workflows.Validation;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// Runs a draft once with sample trigger input, for the designer's "test run": validated like a publish, executed by the
/// same executor, nothing stored, and stopped at the first wait. Activities still act for real (an HTTP request is sent,
/// a Notify notifies), as in Elsa's test runs; the designer says so before running.
/// </summary>
public sealed class WorkflowTestRunner
{
    private readonly WorkflowValidator _validator;
    private readonly ActivityRegistry _registry;
    private readonly WorkflowExecutor _executor;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;

    /// <summary>Creates the runner.</summary>
    public WorkflowTestRunner(
        WorkflowValidator validator, ActivityRegistry registry, WorkflowExecutor executor, IServiceScopeFactory scopes, TimeProvider time)
    {
        _validator = validator;
        _registry = registry;
        _executor = executor;
        _scopes = scopes;
        _time = time;
    }

    /// <summary>Runs <paramref name="draft"/> from <paramref name="triggerActivityId"/> (default: its first trigger).</summary>
    /// <exception cref="WorkflowValidationException">The draft is invalid.</exception>
    public async Task<TestRunResult> RunAsync(
        WorkflowDefinition draft, JsonElement? input = null, string? triggerActivityId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var validation = _validator.Validate(draft);
        if (!validation.IsValid)
        {
            throw new WorkflowValidationException(validation);
        }

        var workflow = new CompiledWorkflow(draft, _registry);
        var trigger = triggerActivityId ?? workflow.Triggers.First().Node.Id;
        if (!workflow.Contains(trigger) || workflow[trigger].Descriptor.Kind != ActivityKind.Trigger)
        {
            throw new InvalidOperationException($"'{trigger}' is not a trigger of the draft.");
        }

        var now = _time.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = "test-" + Guid.CreateVersion7().ToString("N"),
            DefinitionId = draft.Id,
            DefinitionVersion = 0,
            Status = WorkflowStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
        };
        instance.State.Input = input ?? JsonSerializer.SerializeToElement(new { });
        foreach (var variable in draft.Variables)
        {
            instance.State.Variables[variable.Name] = variable.Default ?? JsonSerializer.SerializeToElement<object?>(null);
        }

        instance.State.Scheduled.Add(new ScheduledActivity(trigger, null));
        var pending = new PendingChanges();
        await using var scope = _scopes.CreateAsyncScope();
        await _executor.RunAsync(workflow, instance, scope.ServiceProvider, null, pending, () => Task.CompletedTask, cancellationToken);
        return new TestRunResult(instance, pending.Journal.ToArray(), pending.NewBookmarks.ToArray());
    }
}
