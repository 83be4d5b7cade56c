namespace Vigil.Workflows.Persistence;

/// <summary>A stored bookmark: what an instance waits for.</summary>
/// <param name="Id">Bookmark id.</param>
/// <param name="InstanceId">The waiting instance.</param>
/// <param name="ActivityId">The activity that resumes.</param>
/// <param name="EventName">The event that resumes it.</param>
/// <param name="CorrelationKey">The subject it waits for (scan id, approval key), or null for any.</param>
/// <param name="DueAt">For timers: when it is due.</param>
/// <param name="PayloadJson">Data kept with it (e.g. an approval's question).</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record StoredBookmark(
    string Id,
    string InstanceId,
    string ActivityId,
    string EventName,
    string? CorrelationKey,
    DateTimeOffset? DueAt,
    string? PayloadJson,
    DateTimeOffset CreatedAt);
