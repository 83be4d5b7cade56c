using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Activities;

/// <summary>Starts the flow when findings appear (optionally only from a minimum severity up).</summary>
[Activity("Vigil.FindingsChanged", "Triggers", "Findings changed", Kind = ActivityKind.Trigger, TriggerEvent = "FindingsChanged",
    Description = "Findings were added to or removed from a node.")]
[ActivityInput("minSeverity", ActivityValueType.String, Options = ["any", "critical", "high", "medium", "low", "unknown"],
    DefaultJson = "\"any\"", Description = "Start only when an added finding has at least this severity.")]
[ActivityOutput("event", ActivityValueType.Object, Description = "The FindingsChanged payload: nodeId, added[], removed[].")]
public sealed class FindingsChangedTrigger : EventTriggerActivity
{
    // Order of CONTRACTS.md §6; unknown is matched only when asked for explicitly, as it is never "at least" anything.
    private static readonly string[] Ranked = ["low", "medium", "high", "critical"];

    /// <inheritdoc />
    public override bool Matches(ITriggerMatchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var min = context.GetInput<string>("minSeverity") ?? "any";
        if (!context.Payload.TryGetProperty("added", out var added) || added.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var minRank = Array.IndexOf(Ranked, min);
        foreach (var finding in added.EnumerateArray())
        {
            var severity = finding.ValueKind == JsonValueKind.Object && finding.TryGetProperty("severity", out var s)
                && s.ValueKind == JsonValueKind.String ? s.GetString() : "unknown";
            if (min == "any" || severity == min || minRank >= 0 && Array.IndexOf(Ranked, severity) >= minRank)
            {
                return true;
            }
        }

        return false;
    }
}
