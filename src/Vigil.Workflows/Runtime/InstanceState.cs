using System.Text.Json;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// The mutable part of an instance stored as one JSON document: variables, the trigger payload, activity outputs, pending
/// work and join arrivals. Everything an expression may see is here.
/// </summary>
public sealed class InstanceState
{
    /// <summary>Variables by name.</summary>
    public Dictionary<string, JsonElement> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The trigger's payload (or manual input).</summary>
    public JsonElement Input { get; set; }

    /// <summary>Outputs of executed activities, by activity id then output name.</summary>
    public Dictionary<string, Dictionary<string, JsonElement>> Outputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Activities scheduled but not yet executed (non-empty only between per-activity commits).</summary>
    public List<ScheduledActivity> Scheduled { get; set; } = [];

    /// <summary>For each join, the sources that have arrived in the current round.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Bookmarks the instance waits on.</summary>
    public List<BookmarkRef> Bookmarks { get; set; } = [];

    /// <summary>Next journal sequence number.</summary>
    public int NextSequence { get; set; }
}
