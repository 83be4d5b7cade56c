using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Splits the flow into named parallel branches; every branch runs (use Join to merge them).</summary>
[Activity("Vigil.Fork", "Flow", "Fork", Description = "Runs every named branch.")]
[ActivityInput("branches", ActivityValueType.Array, Required = true, UIHint = "list",
    Description = "Branch names; each becomes an outcome.")]
[ActivityOutcomes(DynamicOutcomesInput = "branches")]
public sealed class ForkActivity : IWorkflowActivity
{
    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var branches = context.GetInput<string[]>("branches") ?? [];
        if (branches.Length == 0)
        {
            throw new InvalidOperationException("Fork has no branches.");
        }

        context.Complete(branches);
        return ValueTask.CompletedTask;
    }
}
