using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Suspends the flow for a duration; survives restarts (the due time is stored with the bookmark).</summary>
[Activity("Vigil.Delay", "Time", "Delay", Description = "Waits for a duration, then continues.", CanSuspend = true)]
[ActivityInput("duration", ActivityValueType.String, Required = true, UIHint = "duration",
    Description = "00:05:00, PT5M or a number of seconds.")]
public sealed class DelayActivity : IWorkflowActivity
{
    /// <inheritdoc />
    public ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsResuming)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        var duration = DurationParser.Parse(context.GetInput<string>("duration"));
        if (duration < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Delay duration cannot be negative.");
        }

        context.CreateBookmark(new BookmarkRequest(
            TimerBookmarks.EventName,
            TimerBookmarks.KeyOf(context.InstanceId, context.ActivityId),
            context.Time.GetUtcNow() + duration));
        return ValueTask.CompletedTask;
    }
}
