using Vigil.Workflows.Persistence;

namespace Vigil.Dashboard.Workflows;

/// <summary>Finds one definition's list row.</summary>
public static class WorkflowDefinitionLookup
{
    /// <summary>The most definitions the Workflows page lists (it pages nothing until the designer replaces it).</summary>
    public const int MaxDefinitions = 10_000;

    public static Task<DefinitionSummary?> FindSummaryAsync(this WorkflowDefinitionStore store, string id, CancellationToken cancellationToken) =>
        store.GetSummaryAsync(id, cancellationToken);
}
