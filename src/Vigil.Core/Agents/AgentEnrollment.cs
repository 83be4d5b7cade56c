using Dapper;
using Vigil.Core.Accounts;
using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Core.Storage;

namespace Vigil.Core.Agents;

/// <summary>
/// Exchanges an enrollment token for a node and a per-agent credential, in one transaction: the token use is
/// counted with a conditional update, so two agents racing for a single-use token never both get in.
/// </summary>
public sealed class AgentEnrollment(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time)
{
    public const string CredentialMarker = "vga_";
    public const int MaxNameLength = 200;

    public async Task<EnrollmentOutcome> EnrollAsync(
        string presentedToken, string name, IReadOnlyDictionary<string, string>? requestedLabels, string? sourceIp, CancellationToken cancellationToken = default)
    {
        var nodeName = name?.Trim() ?? "";
        if (nodeName.Length is 0 or > MaxNameLength || nodeName.Any(char.IsControl))
        {
            throw new ArgumentException($"An agent needs a name of 1 to {MaxNameLength} printable characters.", nameof(name));
        }

        var agentLabels = NodeLabels.Validate(requestedLabels, "labels");
        if (string.IsNullOrEmpty(presentedToken) || presentedToken.Length > 512)
        {
            return EnrollmentOutcome.Refused(EnrollmentRefusal.Unknown);
        }

        var hash = ApiKeySecret.Hash(presentedToken);
        var now = time.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredEnrollmentToken>(
            $"SELECT {StoredEnrollmentToken.Columns} FROM enrollment_tokens WHERE token_hash = @hash", new { hash }, transaction);
        if (row is null || !ApiKeySecret.HashesEqual(row.TokenHash, hash))
        {
            return EnrollmentOutcome.Refused(EnrollmentRefusal.Unknown);
        }

        var token = row.ToToken();
        if (token.RefusalAt(now) is { } refusal)
        {
            return EnrollmentOutcome.Refused(refusal);
        }

        var counted = await connection.ExecuteAsync(
            "UPDATE enrollment_tokens SET uses = uses + 1, last_used_at = @now " +
            "WHERE id = @id AND revoked_at IS NULL AND uses < max_uses AND expires_at > @now",
            new { id = token.Id, now }, transaction);
        if (counted == 0)
        {
            return EnrollmentOutcome.Refused(EnrollmentRefusal.UsedUp);
        }

        // The operator's labels on the token win over what the agent asks for.
        var labels = new Dictionary<string, string>(agentLabels, StringComparer.Ordinal);
        foreach (var (key, value) in token.Labels)
        {
            labels[key] = value;
        }

        var nodeId = Guid.CreateVersion7().ToString("N");
        await connection.ExecuteAsync(
            "INSERT INTO nodes (id, name, type, status, enrolled_at) VALUES (@nodeId, @nodeName, @type, @status, @now)",
            new { nodeId, nodeName, type = NodeStorage.TypeText(NodeType.Host), status = NodeStorage.StatusText(NodeStatus.Offline), now },
            transaction);
        await connection.ExecuteAsync(
            "INSERT INTO node_labels (node_id, label_key, label_value) VALUES (@nodeId, @key, @value)",
            labels.Select(l => new { nodeId, key = l.Key, value = l.Value }),
            transaction);

        var credential = ApiKeySecret.Generate(CredentialMarker);
        await connection.ExecuteAsync(
            "INSERT INTO agent_credentials (id, node_id, prefix, credential_hash, enrollment_token_id, created_at) " +
            "VALUES (@id, @nodeId, @prefix, @hash, @tokenId, @now)",
            new { id = Guid.CreateVersion7().ToString("N"), nodeId, prefix = ApiKeySecret.PrefixOf(credential), hash = ApiKeySecret.Hash(credential), tokenId = token.Id, now },
            transaction);
        await outbox.AppendAsync(connection, transaction, new AgentEnrolled("agent:" + nodeName, nodeId, nodeName, token.Id, sourceIp));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return new EnrollmentOutcome(new EnrolledAgent(nodeId, nodeName, labels, credential), null);
    }
}
