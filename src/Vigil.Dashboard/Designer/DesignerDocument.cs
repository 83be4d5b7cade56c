using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Model;

namespace Vigil.Dashboard.Designer;

/// <summary>
/// The definition being edited. The canvas reports gestures as <see cref="CanvasChange"/>s and the panels edit inputs
/// and variables; each edit replaces <see cref="Definition"/> with a new immutable record, so what is saved, validated
/// or test-run is always exactly the JSON the engine runs. Positions live in each activity's <c>designer</c> bag,
/// merged so that other designer data there survives.
/// </summary>
public sealed class DesignerDocument(WorkflowDefinition definition, ActivityRegistry registry)
{
    public WorkflowDefinition Definition { get; private set; } = definition;

    /// <summary>Counts edits since the last save.</summary>
    public int UnsavedEdits { get; private set; }

    public ActivityNode? Find(string id) => Definition.Activities.FirstOrDefault(a => a.Id == id);

    public void MarkSaved() => UnsavedEdits = 0;

    /// <summary>Replaces the whole definition (revert to a version, import), keeping the id being edited.</summary>
    public void Replace(WorkflowDefinition replacement)
    {
        Definition = replacement with { Id = Definition.Id, Version = Definition.Version };
        UnsavedEdits++;
    }

    public void Apply(CanvasChange change)
    {
        Definition = change.Kind switch
        {
            CanvasChange.Added when change.Id is { } id && Find(id) is null => Definition with
            {
                Activities = [.. Definition.Activities, new ActivityNode(id, change.Type ?? "", ReadInputs(change.Inputs), Position(null, change.X, change.Y))],
            },
            CanvasChange.Moved => WithActivity(change.Id, a => a with { Designer = Position(a.Designer, change.X, change.Y) }),
            CanvasChange.InputsChanged => WithActivity(change.Id, a => a with { Inputs = ReadInputs(change.Inputs) }),
            CanvasChange.Removed => Definition with
            {
                Activities = [.. Definition.Activities.Where(a => a.Id != change.Id)],
                Connections = [.. Definition.Connections.Where(c => c.Source != change.Id && c.Target != change.Id)],
            },
            CanvasChange.Connected when change is { Source: { } s, Outcome: { } o, Target: { } t } && !Definition.Connections.Contains(new Connection(s, o, t)) =>
                Definition with { Connections = [.. Definition.Connections, new Connection(s, o, t)] },
            CanvasChange.Disconnected => Definition with
            {
                Connections = [.. Definition.Connections.Where(c => c != new Connection(change.Source ?? "", change.Outcome ?? "", change.Target ?? ""))],
            },
            _ => Definition,
        };
        UnsavedEdits++;
    }

    /// <summary>Sets (or with null, clears) one input of an activity.</summary>
    public void SetInput(string activityId, string input, ActivityInput? value)
    {
        Definition = WithActivity(activityId, a =>
        {
            var inputs = new Dictionary<string, ActivityInput>(a.InputsOrEmpty);
            if (value is null)
            {
                inputs.Remove(input);
            }
            else
            {
                inputs[input] = value;
            }

            return a with { Inputs = inputs };
        });
        UnsavedEdits++;
    }

    public void SetDetails(string name, string? description)
    {
        Definition = Definition with { Name = name, Description = string.IsNullOrWhiteSpace(description) ? null : description };
        UnsavedEdits++;
    }

    public void SetVariables(IReadOnlyList<VariableDefinition> variables)
    {
        Definition = Definition with { Variables = variables };
        UnsavedEdits++;
    }

    /// <summary>Drops connections from outcomes an activity no longer has (a Switch case was renamed or removed).</summary>
    public void KeepOutcomes(string activityId, IReadOnlyCollection<string> outcomes) =>
        Definition = Definition with
        {
            Connections = [.. Definition.Connections.Where(c => c.Source != activityId || outcomes.Contains(c.SourceOutcome))],
        };

    /// <summary>An activity's outcomes in port order: the descriptor's, else (type not installed) those its connections use.</summary>
    public IReadOnlyList<string> OutcomesOf(ActivityNode activity) =>
        registry.Find(activity.Type) is { } descriptor
            ? [.. descriptor.OutcomesOf(activity)]
            : [.. Definition.Connections.Where(c => c.Source == activity.Id).Select(c => c.SourceOutcome).Distinct()];

    public CanvasActivity ToCanvas(ActivityNode activity)
    {
        var (x, y) = PositionOf(activity);
        return new CanvasActivity(activity.Id, activity.Type, x, y, OutcomesOf(activity), InputsJson(activity));
    }

    public IReadOnlyList<CanvasActivity> CanvasActivities() => [.. Definition.Activities.Select(ToCanvas)];

    public IReadOnlyList<CanvasConnection> CanvasConnections() =>
        [.. Definition.Connections.Select(c => new CanvasConnection(c.Source, c.SourceOutcome, c.Target))];

    public static JsonElement InputsJson(ActivityNode activity) =>
        JsonSerializer.SerializeToElement(activity.InputsOrEmpty, WorkflowJson.Options);

    /// <summary>Where an activity sits; activities without a position (hand-written JSON) line up on a grid.</summary>
    public (double X, double Y) PositionOf(ActivityNode activity)
    {
        if (activity.Designer is { ValueKind: JsonValueKind.Object } bag
            && bag.TryGetProperty("x", out var x) && x.TryGetDouble(out var xv)
            && bag.TryGetProperty("y", out var y) && y.TryGetDouble(out var yv))
        {
            return (xv, yv);
        }

        var index = Definition.Activities.ToList().FindIndex(a => a.Id == activity.Id);
        return (40 + (index % 6) * 300, 40 + (index / 6) * 160);
    }

    private WorkflowDefinition WithActivity(string? id, Func<ActivityNode, ActivityNode> change) =>
        Definition with { Activities = [.. Definition.Activities.Select(a => a.Id == id ? change(a) : a)] };

    private static IReadOnlyDictionary<string, ActivityInput> ReadInputs(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } value
            ? value.Deserialize<Dictionary<string, ActivityInput>>(WorkflowJson.Options) ?? []
            : new Dictionary<string, ActivityInput>();

    private static JsonElement Position(JsonElement? bag, double? x, double? y)
    {
        var merged = bag is { ValueKind: JsonValueKind.Object } existing ? JsonNode.Parse(existing.GetRawText())!.AsObject() : [];
        merged["x"] = Math.Round(x ?? 0);
        merged["y"] = Math.Round(y ?? 0);
        return JsonSerializer.SerializeToElement(merged);
    }
}
