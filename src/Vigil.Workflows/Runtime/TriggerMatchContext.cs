using System.Text.Json;
using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Runtime;

/// <summary>The engine's <see cref="ITriggerMatchContext"/>: the event payload and the trigger's evaluated inputs.</summary>
internal sealed class TriggerMatchContext(
    string definitionId,
    string activityId,
    JsonElement payload,
    IReadOnlyDictionary<string, JsonElement> inputs) : ITriggerMatchContext
{
    public string DefinitionId { get; } = definitionId;

    public string ActivityId { get; } = activityId;

    public JsonElement Payload { get; } = payload;

    public T? GetInput<T>(string name) =>
        inputs.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.Deserialize<T>(WorkflowJson.Options)
            : default;
}
