using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Workflows.Descriptors;

/// <summary>
/// What the palette, the properties panel, validation and the JSON Schema know of an activity type; produced from the
/// SDK attributes by <see cref="ActivityDescriptorReader"/>.
/// </summary>
public sealed record ActivityDescriptor
{
    /// <summary>Stable type name stored in definitions.</summary>
    public required string Type { get; init; }

    /// <summary>Palette group.</summary>
    public required string Category { get; init; }

    /// <summary>Name shown to people.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Help text.</summary>
    public string Description { get; init; } = "";

    /// <summary>Action or trigger.</summary>
    public ActivityKind Kind { get; init; }

    /// <summary>For triggers: the event type that starts the workflow.</summary>
    public string? TriggerEvent { get; init; }

    /// <summary>The activity may suspend on a bookmark.</summary>
    public bool CanSuspend { get; init; }

    /// <summary>Declared inputs.</summary>
    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    /// <summary>Declared outputs.</summary>
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>Fixed outcome names.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [ActivityOutcomeNames.Done];

    /// <summary>Input whose literal string items are further outcomes (Switch cases, Fork branches).</summary>
    public string? DynamicOutcomesInput { get; init; }

    /// <summary>The implementing class.</summary>
    [JsonIgnore]
    public Type? ClrType { get; init; }

    /// <summary>The input with this name, or null.</summary>
    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>The outcomes of one placed activity: fixed outcomes plus those named by its dynamic-outcomes input.</summary>
    public IReadOnlyCollection<string> OutcomesOf(Model.ActivityNode node)
    {
        if (DynamicOutcomesInput is null
            || !node.InputsOrEmpty.TryGetValue(DynamicOutcomesInput, out var input)
            || input.Kind != Model.InputKind.Literal
            || input.Value.ValueKind != JsonValueKind.Array)
        {
            return Outcomes;
        }

        var outcomes = new HashSet<string>(Outcomes, StringComparer.Ordinal);
        foreach (var item in input.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                outcomes.Add(item.GetString()!);
            }
        }

        return outcomes;
    }
}
