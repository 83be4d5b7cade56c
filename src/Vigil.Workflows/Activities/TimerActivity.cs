using System.Globalization;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Suspends the flow until a point in time (continues at once when it has passed).</summary>
[Activity("Vigil.Timer", "Time", "Wait until", Description = "Waits until a date and time, then continues.", CanSuspend = true)]
[ActivityInput("at", ActivityValueType.String, Required = true, UIHint = "datetime",
    Description = "ISO 8601 date and time with offset, e.g. 2026-12-01T08:00:00Z.")]
public sealed class TimerActivity : IWorkflowActivity
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

        var at = DateTimeOffset.Parse(context.GetInput<string>("at") ?? "", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (at <= context.Time.GetUtcNow())
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        context.CreateBookmark(new BookmarkRequest(TimerBookmarks.EventName, TimerBookmarks.KeyOf(context.InstanceId, context.ActivityId), at));
        return ValueTask.CompletedTask;
    }
}
