namespace Vigil.Plugins.Sdk.Activities;

/// <summary>
/// A workflow activity: built-in and plugin activities implement this one contract. An instance is created for each
/// execution (constructor injection of host services works), so keep no state in fields between executions: state that
/// must survive a suspension belongs in outputs, variables or the bookmark payload.
/// Describe the activity with <see cref="ActivityAttribute"/>, <see cref="ActivityInputAttribute"/>,
/// <see cref="ActivityOutputAttribute"/> and <see cref="ActivityOutcomesAttribute"/>.
/// </summary>
public interface IWorkflowActivity
{
    /// <summary>
    /// Does the activity's work. Finish by calling <see cref="IActivityContext.Complete(string[])"/> with one or more
    /// outcomes, or <see cref="IActivityContext.CreateBookmark"/> to suspend until an event; returning without either
    /// completes with <see cref="ActivityOutcomeNames.Done"/>. An exception faults the instance at this activity.
    /// When a bookmark is resumed the activity runs again with <see cref="IActivityContext.IsResuming"/> set.
    /// </summary>
    ValueTask ExecuteAsync(IActivityContext context);
}
