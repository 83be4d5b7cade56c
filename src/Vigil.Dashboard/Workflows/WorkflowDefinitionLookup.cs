using Vigil.Workflows.Persistence;

namespace Vigil.Dashboard.Workflows;

/// <summary>Finds one definition's list row; the engine's store lists pages, and consoles hold tens of flows, not thousands.</summary>
public static class WorkflowDefinitionLookup
{
    public const int MaxDefinitions = 10_000;

    public static async Task<DefinitionSummary?> FindSummaryAsync(this WorkflowDefinitionStore store, string id, CancellationToken cancellationToken) =>
        (await store.ListAsync(0, MaxDefinitions, cancellationToken)).FirstOrDefault(d => d.Id == id);
}
