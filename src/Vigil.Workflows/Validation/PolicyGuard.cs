using System.Text.Json;
using Vigil.Workflows.Activities;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Validation;

/// <summary>
/// Whether an activity of a flow can only be reached through the <c>Fail</c> outcome of an Evaluate policy: the rule
/// that lets a flow quarantine or terminate a machine only after its policy failed.
/// </summary>
public static class PolicyGuard
{
    /// <summary>
    /// The names of the policies whose failure leads to <paramref name="activityId"/>, or null when some path from a
    /// starting activity reaches it without passing a failed policy (or the activity is not in the flow).
    /// </summary>
    public static IReadOnlyList<string>? FailedPoliciesGuarding(WorkflowDefinition definition, string activityId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Activities.All(a => a.Id != activityId))
        {
            return null;
        }

        var evaluators = definition.Activities.Where(a => a.Type == PolicyActivityType).ToDictionary(a => a.Id, StringComparer.Ordinal);
        bool IsFailEdge(Connection c) => evaluators.ContainsKey(c.Source) && c.SourceOutcome == EvaluatePolicyActivity.Fail;
        var targets = definition.Connections.Select(c => c.Target).ToHashSet(StringComparer.Ordinal);
        var starts = definition.Activities.Where(a => !targets.Contains(a.Id)).Select(a => a.Id);
        if (Reachable(definition, starts, c => !IsFailEdge(c)).Contains(activityId))
        {
            return null;
        }

        var policies = definition.Connections.Where(IsFailEdge)
            .Where(c => c.Target == activityId || Reachable(definition, [c.Target], _ => true).Contains(activityId))
            .Select(c => PolicyName(evaluators[c.Source]))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return policies.Length > 0 ? policies : null;
    }

    private const string PolicyActivityType = "Vigil.EvaluatePolicy";

    private static HashSet<string> Reachable(WorkflowDefinition definition, IEnumerable<string> from, Func<Connection, bool> follow)
    {
        var seen = new HashSet<string>(from, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in definition.Connections.Where(c => c.Source == current && follow(c)).Select(c => c.Target))
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    private static string PolicyName(ActivityNode evaluator) =>
        evaluator.InputsOrEmpty.TryGetValue("policy", out var input) && input.Kind == InputKind.Literal && input.Value.ValueKind == JsonValueKind.String
            ? input.Value.GetString()!
            : input?.Expression is { } expression ? $"({expression})" : "(unnamed policy)";
}
