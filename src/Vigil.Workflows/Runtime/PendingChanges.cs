namespace Vigil.Workflows.Runtime;

/// <summary>What a burst has changed beyond the instance row and not yet committed.</summary>
public sealed class PendingChanges
{
    /// <summary>Journal entries to append.</summary>
    public List<JournalEntry> Journal { get; } = [];

    /// <summary>Bookmarks to store.</summary>
    public List<NewBookmark> NewBookmarks { get; } = [];

    /// <summary>Bookmarks consumed (deleted on commit; the commit fails if one is already gone).</summary>
    public List<string> ConsumedBookmarkIds { get; } = [];

    /// <summary>Bookmarks dropped without being resumed (cancel).</summary>
    public bool DeleteAllBookmarks { get; set; }

    /// <summary>Forgets everything after a commit.</summary>
    public void Clear()
    {
        Journal.Clear();
        NewBookmarks.Clear();
        ConsumedBookmarkIds.Clear();
        DeleteAllBookmarks = false;
    }
}
