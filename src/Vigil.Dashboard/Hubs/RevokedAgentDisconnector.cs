using Vigil.Core.Events;

namespace Vigil.Dashboard.Hubs;

/// <summary>
/// Cuts off a live agent connection as soon as its credential is revoked. Driven by the event rather than by the API
/// call, so every way of revoking (API, page, node removal later) disconnects the same way.
/// </summary>
public sealed class RevokedAgentDisconnector(AgentConnections connections, ILogger<RevokedAgentDisconnector> logger) : IDomainEventSubscriber
{
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is AgentCredentialRevoked revoked && connections.Abort(revoked.NodeId) > 0)
        {
            logger.LogInformation("Disconnected agent of node {NodeId}: its credential was revoked", revoked.NodeId);
        }

        return Task.CompletedTask;
    }
}
