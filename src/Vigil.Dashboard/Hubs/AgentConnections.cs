using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Vigil.Dashboard.Hubs;

/// <summary>The agent connections this console instance holds, so a revoked agent can be cut off at once.</summary>
public sealed class AgentConnections
{
    private readonly ConcurrentDictionary<string, (string NodeId, HubCallerContext Context)> _connections = new(StringComparer.Ordinal);

    public void Add(string nodeId, HubCallerContext context) => _connections[context.ConnectionId] = (nodeId, context);

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public bool IsConnected(string nodeId) => _connections.Values.Any(c => c.NodeId == nodeId);

    /// <summary>The ids of the node's connections on this instance (normally one).</summary>
    public IReadOnlyList<string> ConnectionIdsOf(string nodeId) =>
        _connections.Where(c => c.Value.NodeId == nodeId).Select(c => c.Key).ToList();

    /// <summary>Aborts every connection of the node; returns how many there were.</summary>
    public int Abort(string nodeId)
    {
        var aborted = 0;
        foreach (var (connectionId, connection) in _connections)
        {
            if (connection.NodeId == nodeId)
            {
                connection.Context.Abort();
                _connections.TryRemove(connectionId, out _);
                aborted++;
            }
        }

        return aborted;
    }
}
