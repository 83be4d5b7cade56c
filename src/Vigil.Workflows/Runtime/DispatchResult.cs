namespace Vigil.Workflows.Runtime;

/// <summary>What an event did.</summary>
/// <param name="StartedInstanceIds">Instances its triggers started.</param>
/// <param name="ResumedBookmarks">Bookmarks it resumed.</param>
public sealed record DispatchResult(IReadOnlyList<string> StartedInstanceIds, int ResumedBookmarks);
