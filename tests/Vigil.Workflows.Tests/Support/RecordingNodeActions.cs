using System.Collections.Concurrent;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Tests.Support;

/// <summary>Records node actions so tests can see what a flow asked for.</summary>
internal sealed class RecordingNodeActions : INodeActions
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task<string> RemoveAsync(string nodeId, NodeRemovalMode mode, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"remove {nodeId} {mode} {reason}");
        return Task.FromResult($"{mode} {nodeId}");
    }

    public Task AddLabelAsync(string nodeId, string key, string value, string requestedBy, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"label {nodeId} {key}={value}");
        return Task.CompletedTask;
    }
}
