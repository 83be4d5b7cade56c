using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Vigil.Core.Agents;
using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;
using Vigil.Dashboard.Registries;
using Vigil.Dashboard.Scans;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Hubs;

/// <summary>
/// The agents' channel (<c>/hubs/agent</c>), authenticated by agent credential only (<see cref="AgentAccess"/>):
/// agents say <see cref="Hello"/> with their host facts after every (re)connection, then send heartbeats; during a
/// scan they report progress or failure (the SBOM itself goes over HTTP, see <c>AgentScansApi</c>).
/// </summary>
[Authorize(Policy = AgentAccess.Policy)]
public sealed class AgentHub(
    NodeInventory inventory,
    AgentConnections connections,
    IOptions<AgentOptions> options,
    ScanStore scans,
    ScanDispatcher dispatcher,
    UiEventStream uiEvents,
    AgentClocks clocks,
    TimeProvider time,
    NodeHeartbeats heartbeats,
    ScannerAgents scanners,
    ContainerInventory containerInventory,
    IHostApplicationLifetime lifetime) : Hub
{
    public const string Route = "/hubs/agent";

    /// <summary>More containers than one host runs in practice: a larger report is refused, not stored.</summary>
    public const int MaxContainers = 2000;

    private string NodeName => Context.User?.Identity?.Name is { } actor && actor.StartsWith("agent:", StringComparison.Ordinal) ? actor["agent:".Length..] : "";

    private string NodeId => Context.User?.FindFirst(AgentAccess.NodeIdClaim)?.Value
        ?? throw new HubException("The connection carries no node identity.");

    public override Task OnConnectedAsync()
    {
        connections.Add(NodeId, Context);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        // A scan cannot outlive its agent's connection: fail it now rather than wait for a timeout. When the console
        // itself stops, the next start fails it as "console restarted" instead, which is the true reason.
        if (!lifetime.ApplicationStopping.IsCancellationRequested && !connections.IsConnected(NodeId))
        {
            scanners.Gone(NodeId);
            await scans.FailRunningOfNodeAsync(NodeId, ScanFailures.AgentLost, ScanFailures.ScannerAgentLost(NodeName));
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Stores the host's facts and marks the node online; the answer tells the agent its heartbeat interval.</summary>
    public async Task<AgentWelcome> Hello(JsonElement facts)
    {
        if (facts.ValueKind != JsonValueKind.Object)
        {
            throw new HubException("Facts must be a JSON object.");
        }

        // Before the node shows online, so whoever sees it online may already hand it registry scans.
        scanners.Announce(NodeId, HasCapability(facts, ScannerAgents.Capability));
        var (stored, skew) = ClockSkew.Apply(facts, time.GetUtcNow());
        if (!await inventory.ReportHelloAsync(NodeId, stored, Context.ConnectionAborted))
        {
            Context.Abort();
            throw new HubException("This node was removed from the inventory.");
        }

        var name = NodeName;
        if (skew is { } seconds)
        {
            clocks.Stored(NodeId, name, seconds);
        }

        await dispatcher.AgentReadyAsync(NodeId, Context.ConnectionAborted);
        return new AgentWelcome(NodeId, name, options.Value.HeartbeatInterval);
    }

    /// <summary>
    /// The agent's scan progress (the first report starts the scan). False tells the agent to stop: the scan was
    /// cancelled, timed out or is not this node's. Progress goes to the live UI directly, not through the outbox, so
    /// fifty scans reporting every second never load the database with events.
    /// </summary>
    public async Task<bool> ScanProgress(string scanId, string stage, int percent)
    {
        if (!await scans.ReportProgressAsync(scanId, NodeId, stage, percent, Context.ConnectionAborted))
        {
            return false;
        }

        // A scanner agent reports for the image it pulls: the progress belongs to the image's node.
        await uiEvents.HandleAsync(new ScanProgressed(scanId, scanners.Handed(scanId)?.Subject ?? NodeId, stage, Math.Clamp(percent, 0, 99)), Context.ConnectionAborted);
        return true;
    }

    /// <summary>
    /// The host's running containers (the full list, on connect, on change and at every heartbeat interval): each becomes a
    /// container node with this host as parent; those missing from the list are marked removed.
    /// </summary>
    public async Task ReportContainers(ContainerReport[] containers)
    {
        if (containers.Length > MaxContainers)
        {
            throw new HubException($"At most {MaxContainers} containers per report.");
        }

        await containerInventory.ReportAsync(NodeId, containers, Context.ConnectionAborted);
    }

    /// <summary>The agent could not build the SBOM; <paramref name="error"/> says why (disk full, unreadable root, unsupported OS).</summary>
    public async Task ScanFailed(string scanId, string error)
    {
        if (await scans.GetAsync(scanId, Context.ConnectionAborted) is { } scan && (scan.NodeId == NodeId || scan.ScannerNodeId == NodeId))
        {
            var reason = string.IsNullOrWhiteSpace(error) ? "The agent could not build the SBOM (no reason given); see its log." : error.Trim();
            await scans.FailAsync(scanId, reason.Length > 2000 ? reason[..2000] : reason, Context.ConnectionAborted);
        }
    }

    private static bool HasCapability(JsonElement facts, string capability) =>
        facts.TryGetProperty("capabilities", out var list) && list.ValueKind == JsonValueKind.Array
        && list.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == capability);

    /// <summary>
    /// Keeps the node online; missing heartbeats for <see cref="AgentOptions.OfflineAfter"/> marks it offline. Stored
    /// in batches by <see cref="NodeHeartbeats"/>, so the answer never waits for the database.
    /// </summary>
    public void Heartbeat() => heartbeats.Record(NodeId);

    /// <summary>
    /// A heartbeat carrying the agent's clock (agents that know it send this rather than <see cref="Heartbeat"/>).
    /// <paramref name="sentAt"/> is only ever compared with the console's clock; last seen stays the console's time,
    /// and the skew is written only when it moved, so a steady agent costs no database write.
    /// </summary>
    public async Task HeartbeatAt(DateTimeOffset sentAt)
    {
        heartbeats.Record(NodeId);
        var skew = ClockSkew.Measure(sentAt, time.GetUtcNow());
        if (clocks.Moved(NodeId, NodeName, skew))
        {
            await inventory.RecordClockSkewAsync(NodeId, skew, Context.ConnectionAborted);
        }
    }
}
