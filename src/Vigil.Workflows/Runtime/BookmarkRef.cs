namespace Vigil.Workflows.Runtime;

/// <summary>A bookmark an instance waits on, as kept in its state.</summary>
/// <param name="Id">Bookmark id (row of <c>workflow_bookmarks</c>).</param>
/// <param name="ActivityId">The activity that created it and runs again on resume.</param>
public sealed record BookmarkRef(string Id, string ActivityId);
