using Vigil.Workflows.Model;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Designer;

/// <summary>
/// What a run did, drawn on the canvas: each activity's latest status from the journal, and the connections the run
/// took (the source completed with that outcome and the target then ran).
/// </summary>
public sealed record RunPath(IReadOnlyDictionary<string, string> Statuses, IReadOnlyList<CanvasConnection> Taken)
{
    public static readonly RunPath None = new(new Dictionary<string, string>(), []);

    public static RunPath From(WorkflowDefinition definition, IReadOnlyList<JournalEntry> journal, IEnumerable<string>? waiting = null)
    {
        var statuses = new Dictionary<string, string>();
        var outcomes = new Dictionary<string, HashSet<string>>();
        foreach (var entry in journal.OrderBy(e => e.Sequence))
        {
            statuses[entry.ActivityId] = entry.Status;
            if (entry.Outcomes is { } names)
            {
                outcomes[entry.ActivityId] = [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            }
        }

        foreach (var activityId in waiting ?? [])
        {
            statuses[activityId] = "suspended";
        }

        var taken = definition.Connections
            .Where(c => outcomes.TryGetValue(c.Source, out var o) && o.Contains(c.SourceOutcome) && statuses.ContainsKey(c.Target))
            .Select(c => new CanvasConnection(c.Source, c.SourceOutcome, c.Target))
            .ToArray();
        return new RunPath(statuses, taken);
    }
}
