using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Expressions;
using Vigil.Workflows.Model;
using Vigil.Workflows.Persistence;

namespace Vigil.Workflows.Runtime;

/// <summary>Asks an indexed trigger whether an event starts its flow, from the index row alone (no definition load).</summary>
internal sealed class TriggerMatcher
{
    private readonly ActivityRegistry _registry;
    private readonly IExpressionEvaluator _expressions;
    private readonly IServiceScopeFactory _scopes;

    public TriggerMatcher(ActivityRegistry registry, IExpressionEvaluator expressions, IServiceScopeFactory scopes)
    {
        _registry = registry;
        _expressions = expressions;
        _scopes = scopes;
    }

    public bool Matches(TriggerIndexEntry entry, JsonElement payload)
    {
        var descriptor = _registry.Find(entry.ActivityType)
            ?? throw new InvalidOperationException($"Trigger type '{entry.ActivityType}' is not registered (plugin missing?).");
        var inputs = JsonSerializer.Deserialize<Dictionary<string, ActivityInput>>(entry.InputsJson, WorkflowJson.Options) ?? [];
        var node = new ActivityNode(entry.ActivityId, entry.ActivityType, inputs);

        // Filters may be expressions over the event: they see it as `input`, like the flow will.
        var values = InputEvaluator.Evaluate(node, descriptor, _expressions, () => new ExpressionScope("{}", payload.GetRawText(), "{}"), CancellationToken.None);
        using var scope = _scopes.CreateScope();
        var trigger = (IWorkflowTrigger)_registry.Create(descriptor, scope.ServiceProvider);
        return trigger.Matches(new TriggerMatchContext(entry.DefinitionId, entry.ActivityId, payload, values));
    }
}
