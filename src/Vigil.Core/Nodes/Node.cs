using System.Text.Json;

namespace Vigil.Core.Nodes;

/// <summary>One entry of the node inventory.</summary>
public sealed record Node
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public NodeType Type { get; init; }
    public NodeStatus Status { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>What the agent last reported about its host (hostname, OS, kernel, architecture, addresses); null before its first connection.</summary>
    public JsonElement? Facts { get; init; }
    public DateTimeOffset EnrolledAt { get; init; }
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The host node a container runs on (reported by that host's agent); null for other nodes.</summary>
    public string? ParentId { get; init; }
}
