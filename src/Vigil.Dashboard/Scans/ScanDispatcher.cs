using Microsoft.AspNetCore.SignalR;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;
using Vigil.Dashboard.Apis;
using Vigil.Dashboard.Hubs;
using Vigil.Dashboard.Registries;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Scans;

/// <summary>
/// Starts and cancels scans: queues them (one active per node, by the database) and hands queued scans to the node's
/// agent when it is connected here, or when it next says hello. Also the workflow engine's <see cref="IScanService"/>.
/// </summary>
public sealed class ScanDispatcher(
    ScanStore scans,
    NodeInventory inventory,
    AgentConnections connections,
    IHubContext<AgentHub> agents,
    RegistryScans registryScans,
    ScannerAgents scanners,
    ILogger<ScanDispatcher> logger) : IScanService
{
    public const string StartScanMethod = "StartScan";
    public const string CancelScanMethod = "CancelScan";

    /// <summary>Requests a scan of each node; returns each node's active scan (new or already running). Unknown nodes are left out.</summary>
    public async Task<IReadOnlyList<Scan>> RequestAsync(IReadOnlyList<string> nodeIds, string requestedBy, CancellationToken cancellationToken = default)
    {
        var result = new List<Scan>();
        foreach (var nodeId in nodeIds.Distinct(StringComparer.Ordinal))
        {
            var node = await inventory.GetAsync(nodeId, cancellationToken);
            if (node is null || node.Status == NodeStatus.Removed)
            {
                continue;
            }

            if (node.Type == NodeType.Image && await registryScans.RescanNodeAsync(nodeId, requestedBy, cancellationToken) is { } imageScan)
            {
                result.Add(imageScan); // a registry image: pulled again by the registry scanner, not by an agent
                continue;
            }

            var request = await scans.QueueAsync(nodeId, requestedBy, cancellationToken: cancellationToken);
            if (request is null)
            {
                continue;
            }

            var scan = request.Scan;
            if (request.Created && node.Type is not (NodeType.Host or NodeType.Container))
            {
                await scans.FailAsync(scan.Id, ScanFailures.CannotScanType(NodeStorage.TypeText(node.Type)), cancellationToken);
                scan = await scans.GetAsync(scan.Id, cancellationToken) ?? scan;
            }
            else if (request.Created && node.Type == NodeType.Container)
            {
                await SendToHostAsync(scan, node, cancellationToken);
            }
            else if (request.Created)
            {
                await SendToAgentAsync(scan, cancellationToken);
            }

            result.Add(scan);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> StartScansAsync(IReadOnlyList<string> nodeIds, string requestedBy, CancellationToken cancellationToken)
    {
        var started = await RequestAsync(nodeIds, requestedBy, cancellationToken);
        var byNode = started.ToDictionary(s => s.NodeId, s => s.Id, StringComparer.Ordinal);
        var missing = nodeIds.Where(id => !byNode.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No such node: {string.Join(", ", missing)}.");
        }

        return nodeIds.Select(id => byNode[id]).ToList();
    }

    /// <summary>An agent said hello: gives it the scans that wait for it, its host's and its containers', if any.</summary>
    public async Task AgentReadyAsync(string nodeId, CancellationToken cancellationToken)
    {
        if (await scans.ActiveOfNodeAsync(nodeId, cancellationToken) is { Status: ScanStatus.Queued } waiting)
        {
            await SendToAgentAsync(waiting, cancellationToken);
        }

        foreach (var containerScan in await scans.QueuedForScannerAsync(nodeId, cancellationToken))
        {
            if (await inventory.GetAsync(containerScan.NodeId, cancellationToken) is { Type: NodeType.Container } container)
            {
                await SendToHostAsync(containerScan, container, cancellationToken);
            }
        }
    }

    /// <summary>Cancels an active scan and tells its agent to stop. Null when the scan is unknown.</summary>
    public async Task<(Scan? Scan, bool Cancelled)> CancelAsync(string scanId, string by, CancellationToken cancellationToken = default)
    {
        var (scan, cancelled) = await scans.CancelAsync(scanId, by, cancellationToken);
        if (cancelled && scan is not null)
        {
            // The node's own agent, or the scanner agent that pulls a registry image for it.
            foreach (var connectionId in connections.ConnectionIdsOf(scan.ScannerNodeId ?? scan.NodeId))
            {
                await agents.Clients.Client(connectionId).SendAsync(CancelScanMethod, scan.Id, cancellationToken);
            }
        }

        return (scan, cancelled);
    }

    /// <summary>
    /// A container is scanned by its host's agent, through the container's root as the kernel shows it: the scan is
    /// handed to the host (which then reports its progress and uploads its SBOM) and waits for it like a host scan.
    /// </summary>
    private async Task SendToHostAsync(Scan scan, Node container, CancellationToken cancellationToken)
    {
        if (container.ParentId is not { } host || ContainerIdOf(container) is not { } containerId)
        {
            await scans.FailAsync(scan.Id, ScanFailures.CannotScanType("container without a reporting host"), cancellationToken);
            return;
        }

        await scans.AssignScannerAsync(scan.Id, host, cancellationToken);
        scanners.Hand(scan.Id, host, container.Id);
        var ids = connections.ConnectionIdsOf(host);
        if (ids.Count == 0)
        {
            logger.LogInformation("Scan {ScanId} of container {NodeId} waits for its host's agent", scan.Id, container.Id);
            return;
        }

        await agents.Clients.Client(ids[^1]).SendAsync(StartScanMethod, new AgentScanCommand(scan.Id, AgentScansApi.UploadPath(scan.Id), ContainerId: containerId), cancellationToken);
    }

    private static string? ContainerIdOf(Node container) =>
        container.Facts is { ValueKind: System.Text.Json.JsonValueKind.Object } facts && facts.TryGetProperty("containerId", out var id) ? id.GetString() : null;

    private async Task SendToAgentAsync(Scan scan, CancellationToken cancellationToken)
    {
        var ids = connections.ConnectionIdsOf(scan.NodeId);
        if (ids.Count == 0)
        {
            // Stays queued: the agent gets it when it next connects, or the sweeper fails it with the reason.
            logger.LogInformation("Scan {ScanId} waits for the agent of node {NodeId}", scan.Id, scan.NodeId);
            return;
        }

        var command = new AgentScanCommand(scan.Id, AgentScansApi.UploadPath(scan.Id));
        await agents.Clients.Client(ids[^1]).SendAsync(StartScanMethod, command, cancellationToken);
    }
}
