using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Evaluates a condition and continues along True or False.</summary>
[Activity("Vigil.Decision", "Flow", "Decision", Description = "Continues along True or False depending on a condition.")]
[ActivityInput("condition", ActivityValueType.Boolean, Required = true, UIHint = "code",
    Description = "Usually a JavaScript expression, e.g. variables.count > 3.")]
[ActivityOutcomes(True, False)]
public sealed class DecisionActivity : IWorkflowActivity
{
    /// <summary>Outcome when the condition holds.</summary>
    public const string True = "True";

    /// <summary>Outcome when it does not.</summary>
    public const string False = "False";

    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var condition = context.GetInputJson("condition");

        // JavaScript truthiness would hide mistakes such as returning the string "false"; demand a boolean.
        var result = condition?.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null or null => false,
            var kind => throw new InvalidOperationException($"Decision condition must be a boolean, not {kind.ToString()!.ToLowerInvariant()}."),
        };
        context.SetOutput("result", result);
        context.Complete(result ? True : False);
        return ValueTask.CompletedTask;
    }
}
