namespace Vigil.Plugins.LocalFleet;

/// <summary>What the fleet remembers about one instance, in <c>&lt;fleet&gt;/&lt;id&gt;/instance.json</c>.</summary>
public sealed record FleetInstanceRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The directory the agent describes (<c>--root</c>).</summary>
    public required string Root { get; init; }

    /// <summary>The Vigil node the agent enrolled as.</summary>
    public required string NodeId { get; init; }

    /// <summary>The agent's process id while it runs.</summary>
    public int? ProcessId { get; init; }

    /// <summary><c>running</c>, <c>stopped</c> or <c>quarantined</c>.</summary>
    public required string State { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset LaunchedAt { get; init; }
}
