using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Vigil.Agent;

/// <summary>
/// The console's JSON conventions (camelCase, nulls omitted) for everything the agent writes or reads: the state file,
/// enrollment, the hub's messages and the SBOM worker's progress lines. All of it goes through the source-generated
/// <see cref="AgentJsonContext"/>, never reflection, so the trimmed agent of the README's install keeps working.
/// </summary>
public static class AgentJson
{
    /// <summary>Compact, one object per line: the hub, enrollment and the SBOM worker's progress stream.</summary>
    public static JsonSerializerOptions Lines => AgentJsonContext.Default.Options;

    /// <summary>Indented, for files people may read (the state file).</summary>
    public static JsonSerializerOptions Options { get; } = new(AgentJsonContext.Default.Options) { WriteIndented = true };

    /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/>; only types listed on <see cref="AgentJsonContext"/>.</summary>
    public static JsonTypeInfo<T> Of<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}

/// <summary>
/// Every type the agent serializes. A new message type (a hub argument or result, a request, a file) must be listed
/// here and sent through <see cref="AgentJson.Of{T}"/> or this context: the trimmed agent has no reflection fallback.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(State.AgentState))]
[JsonSerializable(typeof(Commands.EnrollRequest))]
[JsonSerializable(typeof(Commands.EnrollResponse))]
[JsonSerializable(typeof(Facts.HostFacts))]
[JsonSerializable(typeof(Connection.ConsoleWelcome))]
[JsonSerializable(typeof(Scans.ScanCommand))]
[JsonSerializable(typeof(Scans.ImageTarget))]
[JsonSerializable(typeof(Scans.WorkerPullSecret))]
[JsonSerializable(typeof(Containers.DockerContainerSummary[]))]
[JsonSerializable(typeof(Containers.DockerContainerDetails))]
[JsonSerializable(typeof(Containers.RunningContainer[]))]
[JsonSerializable(typeof(Scans.WorkerMessage))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
public sealed partial class AgentJsonContext : JsonSerializerContext;
