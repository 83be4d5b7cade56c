using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Workflows.Model;

/// <summary>The JSON conventions of definitions and instance state (CONTRACTS.md §3: camelCase, lowercase enums).</summary>
public static class WorkflowJson
{
    /// <summary>Serializer options for everything the engine stores or exchanges.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(new LowercaseNamingPolicy()));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class LowercaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
