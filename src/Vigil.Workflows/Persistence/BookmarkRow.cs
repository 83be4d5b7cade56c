namespace Vigil.Workflows.Persistence;

/// <summary>A <c>workflow_bookmarks</c> row as Dapper reads it.</summary>
internal sealed class BookmarkRow
{
    public string Id { get; set; } = "";

    public string InstanceId { get; set; } = "";

    public string ActivityId { get; set; } = "";

    public string EventName { get; set; } = "";

    public string? CorrelationKey { get; set; }

    public long? DueAt { get; set; }

    public string? PayloadJson { get; set; }

    public long CreatedAt { get; set; }

    public StoredBookmark ToBookmark() =>
        new(Id, InstanceId, ActivityId, EventName, CorrelationKey, UnixTime.FromMs(DueAt), PayloadJson, UnixTime.FromMs(CreatedAt));
}
