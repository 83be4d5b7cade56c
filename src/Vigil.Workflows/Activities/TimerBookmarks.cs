namespace Vigil.Workflows.Activities;

/// <summary>The bookmark event of time-based activities; the timer scheduler resumes these bookmarks by id at their due time.</summary>
public static class TimerBookmarks
{
    /// <summary>Event name of timer bookmarks.</summary>
    public const string EventName = "Vigil.Timer";

    /// <summary>A key that makes each timer bookmark its own, so no event meant for one timer resumes another.</summary>
    public static string KeyOf(string instanceId, string activityId) => $"{instanceId}:{activityId}";
}
