using Dapper;
using Vigil.Core.Storage;

namespace Vigil.Dashboard.Cloud;

/// <summary>Rows of <c>cloud_removals</c>: what must still be done survives a console restart.</summary>
public sealed class CloudRemovalStore(IDbConnectionFactory db)
{
    private const string Columns =
        "id AS Id, node_id AS NodeId, integration_id AS IntegrationId, instance_id AS InstanceId, mode AS Mode, reason AS Reason, " +
        "requested_by AS RequestedBy, status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, " +
        "created_at AS CreatedAt, updated_at AS UpdatedAt";

    public async Task InsertAsync(CloudRemoval removal, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO cloud_removals (id, node_id, integration_id, instance_id, mode, reason, requested_by, status, attempts, next_attempt_at, last_error, created_at, updated_at) " +
            "VALUES (@Id, @NodeId, @IntegrationId, @InstanceId, @Mode, @Reason, @RequestedBy, @Status, @Attempts, @NextAttemptAt, @LastError, @CreatedAt, @UpdatedAt)",
            removal, cancellationToken: cancellationToken));
    }

    public async Task UpdateAsync(CloudRemoval removal, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cloud_removals SET status = @Status, attempts = @Attempts, next_attempt_at = @NextAttemptAt, last_error = @LastError, updated_at = @UpdatedAt WHERE id = @Id",
            removal, cancellationToken: cancellationToken));
    }

    /// <summary>Pending removals whose next attempt is due, oldest first.</summary>
    public async Task<IReadOnlyList<CloudRemoval>> FindDueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CloudRemoval>(new CommandDefinition(
            db.Dialect.Page($"SELECT {Columns} FROM cloud_removals WHERE status = 'pending' AND next_attempt_at <= @Now ORDER BY next_attempt_at, id"),
            new { Now = now.ToUnixTimeMilliseconds(), skip = 0, take }, cancellationToken: cancellationToken));
        return rows.ToArray();
    }

    /// <summary>A node's removals, newest first.</summary>
    public async Task<IReadOnlyList<CloudRemoval>> ListForNodeAsync(string nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CloudRemoval>(new CommandDefinition(
            $"SELECT {Columns} FROM cloud_removals WHERE node_id = @NodeId ORDER BY created_at DESC", new { NodeId = nodeId }, cancellationToken: cancellationToken));
        return rows.ToArray();
    }
}
