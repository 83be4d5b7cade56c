using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Descriptors;
using Vigil.Workflows.Model;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// A published definition version indexed for execution: nodes by id with their descriptors, outgoing connections by
/// source, incoming sources by target. Versions are immutable, so one compiled copy serves every instance of a version.
/// </summary>
public sealed class CompiledWorkflow
{
    private readonly Dictionary<string, (ActivityNode Node, ActivityDescriptor Descriptor)> _nodes;
    private readonly ILookup<string, Connection> _outgoing;
    private readonly ILookup<string, string> _incomingSources;

    /// <summary>Compiles a valid definition; throws when an activity type is unknown.</summary>
    public CompiledWorkflow(WorkflowDefinition definition, ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(registry);
        Definition = definition;
        _nodes = definition.Activities.ToDictionary(
            a => a.Id,
            a => (a, registry.Find(a.Type) ?? throw new InvalidOperationException($"Unknown activity type '{a.Type}' in '{a.Id}'.")),
            StringComparer.Ordinal);
        _outgoing = definition.Connections.ToLookup(c => c.Source, StringComparer.Ordinal);
        _incomingSources = definition.Connections.Select(c => (c.Target, c.Source)).Distinct()
            .ToLookup(c => c.Target, c => c.Source, StringComparer.Ordinal);
    }

    /// <summary>The definition.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>The node and descriptor of an activity id.</summary>
    public (ActivityNode Node, ActivityDescriptor Descriptor) this[string activityId] => _nodes[activityId];

    /// <summary>Whether the id names an activity.</summary>
    public bool Contains(string activityId) => _nodes.ContainsKey(activityId);

    /// <summary>Connections leaving an activity.</summary>
    public IEnumerable<Connection> Outgoing(string activityId) => _outgoing[activityId];

    /// <summary>Distinct activities with a connection into <paramref name="activityId"/>.</summary>
    public IEnumerable<string> IncomingSources(string activityId) => _incomingSources[activityId];

    /// <summary>The trigger activities of the flow.</summary>
    public IEnumerable<(ActivityNode Node, ActivityDescriptor Descriptor)> Triggers =>
        _nodes.Values.Where(n => n.Descriptor.Kind == ActivityKind.Trigger);
}
