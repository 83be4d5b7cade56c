namespace Vigil.Workflows.Runtime;

/// <summary>An activity waiting to execute, and which activity scheduled it.</summary>
/// <param name="ActivityId">Activity to execute.</param>
/// <param name="FromActivityId">The activity whose outcome scheduled it (null for the start).</param>
/// <param name="Resume">The execution resumes the bookmark being consumed by this burst.</param>
public sealed record ScheduledActivity(string ActivityId, string? FromActivityId, bool Resume = false);
