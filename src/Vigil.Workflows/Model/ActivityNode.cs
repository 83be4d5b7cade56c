using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Workflows.Model;

/// <summary>An activity placed in a definition's graph.</summary>
/// <param name="Id">Stable id, unique in the definition; validation errors and the journal name it.</param>
/// <param name="Type">The activity type (see <see cref="Plugins.Sdk.Activities.ActivityAttribute.Type"/>).</param>
/// <param name="Inputs">Inputs by name.</param>
/// <param name="Designer">Designer data (position, size, …) kept untouched by the engine.</param>
public sealed record ActivityNode(
    string Id,
    string Type,
    IReadOnlyDictionary<string, ActivityInput>? Inputs = null,
    JsonElement? Designer = null)
{
    /// <summary>Inputs, never null.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, ActivityInput> InputsOrEmpty =>
        Inputs ?? new Dictionary<string, ActivityInput>();
}
