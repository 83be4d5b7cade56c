namespace Vigil.Workflows.Runtime;

/// <summary>What a test run of a draft did.</summary>
/// <param name="Instance">The in-memory instance (status, variables, outputs, fault).</param>
/// <param name="Journal">Every activity execution, as the journal would record it.</param>
/// <param name="Bookmarks">Where the run stopped to wait (not stored: a test run is never resumed).</param>
public sealed record TestRunResult(WorkflowInstance Instance, IReadOnlyList<JournalEntry> Journal, IReadOnlyList<NewBookmark> Bookmarks);
