using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Workflows.Model;

/// <summary>
/// A workflow definition in the shape of CONTRACTS.md §10. A published (id, version) is immutable: publishing again
/// makes a new version, and instances keep the version they started with. Unknown top-level properties and every
/// <c>designer</c> bag are carried through untouched, so the designer owns them.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Stable definition id.</summary>
    public required string Id { get; init; }

    /// <summary>Version number; 0 for a draft never published.</summary>
    public int Version { get; init; }

    /// <summary>Name shown to people.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the flow is for.</summary>
    public string? Description { get; init; }

    /// <summary>Variables with their initial values.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>The activities of the graph.</summary>
    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    /// <summary>The edges of the graph.</summary>
    public IReadOnlyList<Connection> Connections { get; init; } = [];

    /// <summary>Designer data for the whole canvas (zoom, viewport, …), kept untouched.</summary>
    public JsonElement? Designer { get; init; }

    /// <summary>Any other top-level property a newer designer writes, kept untouched.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>Parses definition JSON.</summary>
    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowJson.Options)
        ?? throw new JsonException("A workflow definition must be a JSON object.");

    /// <summary>Serializes to definition JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowJson.Options);
}
