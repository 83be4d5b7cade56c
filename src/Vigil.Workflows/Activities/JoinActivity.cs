using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Activities;

/// <summary>
/// Merges parallel branches. The engine gathers arrivals: with <c>waitAll</c> the join runs once every activity connected
/// into it has arrived; with <c>waitAny</c> it runs on the first arrival and ignores the rest of that round.
/// </summary>
[Activity(TypeName, "Flow", "Join", Description = "Waits for parallel branches to arrive, then continues once.")]
[ActivityInput("mode", ActivityValueType.String, Description = "waitAll: every incoming branch; waitAny: the first one.",
    Options = ["waitAll", "waitAny"], DefaultJson = "\"waitAll\"")]
public sealed class JoinActivity : IWorkflowActivity
{
    /// <summary>The type name the engine recognizes for join scheduling.</summary>
    public const string TypeName = "Vigil.Join";

    /// <summary>Whether a placed join waits for the first branch only (the mode must be a literal: it decides scheduling).</summary>
    public static bool IsWaitAny(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.InputsOrEmpty.TryGetValue("mode", out var mode)
            && mode.Kind == InputKind.Literal
            && mode.Value.ValueKind == JsonValueKind.String
            && mode.Value.GetString() == "waitAny";
    }

    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Complete(ActivityOutcomeNames.Done);
        return ValueTask.CompletedTask;
    }
}
