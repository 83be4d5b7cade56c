using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Continues along the case whose name equals the value, or Default.</summary>
[Activity("Vigil.Switch", "Flow", "Switch", Description = "Continues along the case matching a value, or Default.")]
[ActivityInput("value", ActivityValueType.Any, Required = true, UIHint = "code",
    Description = "The value to match; strings, numbers and booleans match a case by their text.")]
[ActivityInput("cases", ActivityValueType.Array, Required = true, UIHint = "list", Description = "Case names; each is an outcome.")]
[ActivityOutcomes(Default, DynamicOutcomesInput = "cases")]
[ActivityOutput("matched", ActivityValueType.String, Description = "The outcome taken.")]
public sealed class SwitchActivity : IWorkflowActivity
{
    /// <summary>Outcome when no case matches.</summary>
    public const string Default = "Default";

    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cases = context.GetInput<string[]>("cases") ?? [];
        var value = context.GetInputJson("value");
        var text = value?.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.Value.GetRawText(),
            _ => null,
        };
        var matched = cases.FirstOrDefault(c => string.Equals(c, text, StringComparison.Ordinal)) ?? Default;
        context.SetOutput("matched", matched);
        context.Complete(matched);
        return ValueTask.CompletedTask;
    }
}
