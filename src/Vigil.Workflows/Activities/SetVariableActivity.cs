using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Sets a workflow variable.</summary>
[Activity("Vigil.SetVariable", "Primitives", "Set variable", Description = "Sets a workflow variable to a value.")]
[ActivityInput("name", ActivityValueType.String, Required = true, Description = "The variable's name.")]
[ActivityInput("value", ActivityValueType.Any, Description = "The new value (null clears it).")]
public sealed class SetVariableActivity : IWorkflowActivity
{
    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.GetInput<string>("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("Set variable needs a variable name.");
        }

        context.SetVariable(name, context.GetInputJson("value"));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
