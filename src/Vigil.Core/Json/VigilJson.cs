using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Core.Json;

/// <summary>Vigil's JSON conventions (contracts §3): camelCase, enums as lowercase strings, nulls omitted.</summary>
public static class VigilJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to options owned by someone else (the ASP.NET host's, SignalR's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(new LowercaseNamingPolicy()));
        }

        return options;
    }

    private sealed class LowercaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
