using Vigil.Workflows.Model;

namespace Vigil.Workflows.Tests.Support;

/// <summary>Terse construction of definitions for tests.</summary>
internal sealed class Flow
{
    private readonly List<ActivityNode> _activities = [];
    private readonly List<Connection> _connections = [];
    private readonly List<VariableDefinition> _variables = [];
    private readonly string _id;

    private Flow(string id) => _id = id;

    public static Flow Create(string id = "flow") => new(id);

    /// <summary>A flow that starts with a Manual trigger named "start".</summary>
    public static Flow Manual(string id = "flow") => Create(id).Add("start", "Vigil.Manual");

    public Flow Add(string activityId, string type, params (string Name, ActivityInput Input)[] inputs)
    {
        _activities.Add(new ActivityNode(activityId, type, inputs.Length == 0 ? null : inputs.ToDictionary(i => i.Name, i => i.Input)));
        return this;
    }

    public Flow Connect(string source, string target, string outcome = "Done")
    {
        _connections.Add(new Connection(source, outcome, target));
        return this;
    }

    public Flow Variable(string name, object? initial)
    {
        _variables.Add(new VariableDefinition(name, null, System.Text.Json.JsonSerializer.SerializeToElement(initial)));
        return this;
    }

    public WorkflowDefinition Build() => new()
    {
        Id = _id,
        Name = _id,
        Activities = _activities.ToArray(),
        Connections = _connections.ToArray(),
        Variables = _variables.ToArray(),
    };

    public static (string, ActivityInput) Lit(string name, object? value) => (name, ActivityInput.Literal(value));

    public static (string, ActivityInput) Js(string name, string expression) => (name, ActivityInput.Js(expression));
}
