using Dapper;
using Vigil.Core.Accounts;
using Vigil.Core.Events;
using Vigil.Core.Storage;

namespace Vigil.Core.Agents;

/// <summary>Validates and revokes the per-agent credentials handed out at enrollment.</summary>
public sealed class AgentCredentials(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time)
{
    /// <summary>The agent the credential belongs to, or null when it is unknown, revoked or its node was removed.</summary>
    public async Task<AgentIdentity?> ValidateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512)
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(presented);
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(
            "SELECT c.id AS credential_id, c.credential_hash, c.node_id, n.name AS node_name FROM agent_credentials c " +
            "JOIN nodes n ON n.id = c.node_id WHERE c.credential_hash = @hash AND c.revoked_at IS NULL AND n.status <> 'removed'",
            new { hash });
        return row is not null && ApiKeySecret.HashesEqual(row.CredentialHash, hash)
            ? new AgentIdentity(row.CredentialId, row.NodeId, row.NodeName)
            : null;
    }

    /// <summary>Revokes every credential of the node; false when it had none active.</summary>
    public async Task<bool> RevokeAsync(string nodeId, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var nodeName = await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM nodes WHERE id = @nodeId", new { nodeId }, transaction);
        if (nodeName is null)
        {
            return false;
        }

        var revoked = await connection.ExecuteAsync(
            "UPDATE agent_credentials SET revoked_at = @now WHERE node_id = @nodeId AND revoked_at IS NULL",
            new { nodeId, now = time.GetUtcNow() }, transaction);
        if (revoked == 0)
        {
            return false;
        }

        await outbox.AppendAsync(connection, transaction, new AgentCredentialRevoked(actor, nodeId, nodeName));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }

    private sealed class CredentialRow
    {
        public string CredentialId { get; init; } = "";
        public string CredentialHash { get; init; } = "";
        public string NodeId { get; init; } = "";
        public string NodeName { get; init; } = "";
    }
}
