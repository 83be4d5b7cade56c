using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Vigil.Core.Agents;
using Vigil.Core.Nodes;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Hubs;

/// <summary>
/// The agents' channel (<c>/hubs/agent</c>), authenticated by agent credential only (<see cref="AgentAccess"/>):
/// agents say <see cref="Hello"/> with their host facts after every (re)connection, then send heartbeats.
/// </summary>
[Authorize(Policy = AgentAccess.Policy)]
public sealed class AgentHub(NodeInventory inventory, AgentConnections connections, IOptions<AgentOptions> options) : Hub
{
    public const string Route = "/hubs/agent";

    private string NodeId => Context.User?.FindFirst(AgentAccess.NodeIdClaim)?.Value
        ?? throw new HubException("The connection carries no node identity.");

    public override Task OnConnectedAsync()
    {
        connections.Add(NodeId, Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Stores the host's facts and marks the node online; the answer tells the agent its heartbeat interval.</summary>
    public async Task<AgentWelcome> Hello(JsonElement facts)
    {
        if (facts.ValueKind != JsonValueKind.Object)
        {
            throw new HubException("Facts must be a JSON object.");
        }

        if (!await inventory.ReportHelloAsync(NodeId, facts, Context.ConnectionAborted))
        {
            Context.Abort();
            throw new HubException("This node was removed from the inventory.");
        }

        var name = Context.User?.Identity?.Name is { } actor && actor.StartsWith("agent:", StringComparison.Ordinal) ? actor["agent:".Length..] : "";
        return new AgentWelcome(NodeId, name, options.Value.HeartbeatInterval);
    }

    /// <summary>Keeps the node online; missing heartbeats for <see cref="AgentOptions.OfflineAfter"/> marks it offline.</summary>
    public Task Heartbeat() => inventory.HeartbeatAsync(NodeId, Context.ConnectionAborted);
}
