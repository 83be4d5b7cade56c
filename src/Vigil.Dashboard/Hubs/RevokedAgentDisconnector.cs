using Vigil.Core.Events;

namespace Vigil.Dashboard.Hubs;

/// <summary>
/// Cuts off a live agent connection as soon as its credential is revoked or its node removed (the credential check
/// refuses removed nodes, so the agent cannot come back). Driven by the events rather than by the API calls, so every
/// way of revoking or removing (API, page, workflow) disconnects the same way.
/// </summary>
public sealed class RevokedAgentDisconnector(AgentConnections connections, ILogger<RevokedAgentDisconnector> logger) : IDomainEventSubscriber
{
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var (nodeId, why) = domainEvent switch
        {
            AgentCredentialRevoked revoked => (revoked.NodeId, "its credential was revoked"),
            NodeRemoved removed => (removed.NodeId, "its node was removed"),
            _ => (null, null),
        };
        if (nodeId is not null && connections.Abort(nodeId) > 0)
        {
            logger.LogInformation("Disconnected agent of node {NodeId}: {Why}", nodeId, why);
        }

        return Task.CompletedTask;
    }
}
