using System.Text.Json;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;

namespace Vigil.Dashboard.Apis;

/// <summary>A node as <c>GET /api/v1/nodes/{id}</c> shows it: the inventory entry, its last scan and its current assessment.</summary>
public sealed record NodeDetails(
    string Id,
    string Name,
    NodeType Type,
    NodeStatus Status,
    IReadOnlyDictionary<string, string> Labels,
    JsonElement? Facts,
    DateTimeOffset EnrolledAt,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    Scan? LastScan,
    NodeAssessment? Assessment,
    string? ParentId)
{
    public static NodeDetails From(Node node, Scan? lastScan, NodeAssessment? assessment) =>
        new(node.Id, node.Name, node.Type, node.Status, node.Labels, node.Facts, node.EnrolledAt, node.FirstSeen, node.LastSeen, lastScan, assessment, node.ParentId);
}
