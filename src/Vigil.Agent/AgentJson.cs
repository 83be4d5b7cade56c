using System.Text.Json;

namespace Vigil.Agent;

/// <summary>The console's JSON conventions (camelCase, nulls omitted) for the agent's own requests and state file.</summary>
public static class AgentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>One object per line, for the SBOM worker's progress stream.</summary>
    public static JsonSerializerOptions Lines { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
