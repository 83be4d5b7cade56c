using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Expressions;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Validation;

/// <summary>
/// Checks a definition against the registered activity descriptors and lists every error (never just the first), each
/// naming its activity, so the designer can mark them all on the canvas.
/// </summary>
public sealed class WorkflowValidator
{
    private readonly ActivityRegistry _registry;
    private readonly IExpressionEvaluator _expressions;

    /// <summary>Creates a validator.</summary>
    public WorkflowValidator(ActivityRegistry registry, IExpressionEvaluator expressions)
    {
        _registry = registry;
        _expressions = expressions;
    }

    /// <summary>Validates <paramref name="definition"/>.</summary>
    public ValidationResult Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<ValidationError>();
        CheckVariables(definition, errors);
        var nodes = CheckActivities(definition, errors);
        CheckConnections(definition, nodes, errors);
        CheckLoops(definition, nodes, errors);
        if (!nodes.Values.Any(n => n.Descriptor?.Kind == ActivityKind.Trigger))
        {
            errors.Add(new ValidationError(ValidationCodes.NoTrigger,
                "The flow has no trigger: add a trigger activity (e.g. Manual or Node registered) to start it."));
        }

        return new ValidationResult(errors);
    }

    private static void CheckVariables(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in definition.Variables)
        {
            if (string.IsNullOrWhiteSpace(variable.Name))
            {
                errors.Add(new ValidationError(ValidationCodes.InvalidVariable, "A variable has no name."));
            }
            else if (!seen.Add(variable.Name))
            {
                errors.Add(new ValidationError(ValidationCodes.InvalidVariable, $"Variable '{variable.Name}' is declared twice."));
            }
        }
    }

    private Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> CheckActivities(
        WorkflowDefinition definition, List<ValidationError> errors)
    {
        var nodes = new Dictionary<string, (ActivityNode, ActivityDescriptor?)>(StringComparer.Ordinal);
        foreach (var node in definition.Activities)
        {
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                errors.Add(new ValidationError(ValidationCodes.MissingId, $"An activity of type '{node.Type}' has no id."));
                continue;
            }

            if (nodes.ContainsKey(node.Id))
            {
                errors.Add(new ValidationError(ValidationCodes.DuplicateId, $"Activity id '{node.Id}' is used more than once.", node.Id));
                continue;
            }

            var descriptor = _registry.Find(node.Type);
            nodes[node.Id] = (node, descriptor);
            if (descriptor is null)
            {
                errors.Add(new ValidationError(ValidationCodes.UnknownActivityType,
                    $"Activity '{node.Id}' has unknown type '{node.Type}'.", node.Id));
                continue;
            }

            CheckInputs(node, descriptor, errors);
        }

        return nodes;
    }

    private void CheckInputs(ActivityNode node, ActivityDescriptor descriptor, List<ValidationError> errors)
    {
        var inputs = node.InputsOrEmpty;
        foreach (var declared in descriptor.Inputs)
        {
            var present = inputs.TryGetValue(declared.Name, out var given) && given.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                && !(given.Kind == InputKind.Js && string.IsNullOrWhiteSpace(given.Expression));
            if (declared.Required && !present && declared.Default is null)
            {
                errors.Add(new ValidationError(ValidationCodes.MissingInput,
                    $"Activity '{node.Id}' needs input '{declared.Name}'.", node.Id, declared.Name));
            }
        }

        foreach (var (name, input) in inputs)
        {
            var declared = descriptor.FindInput(name);
            if (declared is null)
            {
                errors.Add(new ValidationError(ValidationCodes.UnknownInput,
                    $"Activity '{node.Id}' ({descriptor.Type}) has no input '{name}'.", node.Id, name));
                continue;
            }

            if (input.Kind == InputKind.Js)
            {
                if (input.Value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new ValidationError(ValidationCodes.InvalidExpression,
                        $"Input '{name}' of activity '{node.Id}' is a JavaScript input whose value is not a string.", node.Id, name));
                }
                else if (_expressions.CheckSyntax(input.Value.GetString()!) is { } syntaxError)
                {
                    errors.Add(new ValidationError(ValidationCodes.InvalidExpression,
                        $"Input '{name}' of activity '{node.Id}': {syntaxError}", node.Id, name));
                }
            }
            else if (!LiteralTypeCheck.Fits(input.Value, declared.Type))
            {
                errors.Add(new ValidationError(ValidationCodes.WrongInputType,
                    $"Input '{name}' of activity '{node.Id}' must be {LiteralTypeCheck.Describe(declared.Type)}, not {input.Value.ValueKind.ToString().ToLowerInvariant()}.",
                    node.Id, name));
            }
            else if (declared.Options is { Count: > 0 } options && input.Value.ValueKind == JsonValueKind.String
                && !options.Contains(input.Value.GetString()!))
            {
                errors.Add(new ValidationError(ValidationCodes.WrongInputType,
                    $"Input '{name}' of activity '{node.Id}' must be one of {string.Join(", ", options)}.", node.Id, name));
            }
        }
    }

    private static void CheckConnections(
        WorkflowDefinition definition,
        Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> nodes,
        List<ValidationError> errors)
    {
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var connection = definition.Connections[i];
            var hasSource = nodes.TryGetValue(connection.Source ?? "", out var source);
            if (!hasSource)
            {
                errors.Add(new ValidationError(ValidationCodes.DanglingConnection,
                    $"Connection {i} starts at '{connection.Source}', which is not an activity of this flow.", connection.Source, ConnectionIndex: i));
            }

            if (!nodes.ContainsKey(connection.Target ?? ""))
            {
                errors.Add(new ValidationError(ValidationCodes.DanglingConnection,
                    $"Connection {i} from '{connection.Source}' ends at '{connection.Target}', which is not an activity of this flow.",
                    connection.Source, ConnectionIndex: i));
            }

            if (hasSource && source.Descriptor is { } descriptor && !descriptor.OutcomesOf(source.Node).Contains(connection.SourceOutcome))
            {
                errors.Add(new ValidationError(ValidationCodes.UnknownOutcome,
                    $"Activity '{connection.Source}' ({descriptor.Type}) has no outcome '{connection.SourceOutcome}'; it has {string.Join(", ", descriptor.OutcomesOf(source.Node))}.",
                    connection.Source, ConnectionIndex: i));
            }
        }
    }

    private static void CheckLoops(
        WorkflowDefinition definition,
        Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> nodes,
        List<ValidationError> errors)
    {
        var edges = definition.Connections
            .Where(c => c.Source is not null && c.Target is not null && nodes.ContainsKey(c.Source) && nodes.ContainsKey(c.Target))
            .ToLookup(c => c.Source, c => c.Target, StringComparer.Ordinal);
        foreach (var loop in CycleFinder.FindLoops(nodes.Keys.ToArray(), edges))
        {
            if (!loop.Any(id => nodes[id].Descriptor?.CanSuspend == true))
            {
                errors.Add(new ValidationError(ValidationCodes.CycleWithoutWait,
                    $"Activities {string.Join(" → ", loop)} form a loop with no waiting activity (Delay, Approval, Wait for scan): it would never yield.",
                    loop[0]));
            }
        }
    }
}
