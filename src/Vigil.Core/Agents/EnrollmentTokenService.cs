using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Vigil.Core.Accounts;
using Vigil.Core.Events;
using Vigil.Core.Json;
using Vigil.Core.Nodes;
using Vigil.Core.Storage;

namespace Vigil.Core.Agents;

/// <summary>Creates, lists and revokes enrollment tokens: short-lived secrets an agent exchanges for its credential.</summary>
public sealed class EnrollmentTokenService(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time, IOptions<AgentOptions> options)
{
    public const string Marker = "vge_";
    public const int MaxUsesLimit = 10_000;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    public async Task<CreatedEnrollmentToken> CreateAsync(
        string? description, DateTimeOffset? expiresAt, int? maxUses, IReadOnlyDictionary<string, string>? labels, string actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expiry = expiresAt ?? now + options.Value.DefaultTokenLifetime;
        if (expiry <= now || expiry > now + MaxLifetime)
        {
            throw new ArgumentException($"The expiry must be in the future and at most {MaxLifetime.TotalDays:0} days away.", nameof(expiresAt));
        }

        var uses = maxUses ?? 1;
        if (uses is < 1 or > MaxUsesLimit)
        {
            throw new ArgumentException($"Max uses must be between 1 and {MaxUsesLimit}.", nameof(maxUses));
        }

        if (description is { Length: > 200 })
        {
            throw new ArgumentException("The description can have at most 200 characters.", nameof(description));
        }

        var validLabels = NodeLabels.Validate(labels, nameof(labels));
        var token = ApiKeySecret.Generate(Marker);
        var record = new EnrollmentToken
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Prefix = ApiKeySecret.PrefixOf(token),
            Labels = validLabels,
            MaxUses = uses,
            CreatedBy = actor,
            CreatedAt = now,
            ExpiresAt = expiry,
        };

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO enrollment_tokens (id, description, prefix, token_hash, labels, max_uses, uses, created_by, created_at, expires_at) " +
            "VALUES (@Id, @Description, @Prefix, @hash, @labels, @MaxUses, 0, @CreatedBy, @CreatedAt, @ExpiresAt)",
            new
            {
                record.Id, record.Description, record.Prefix, hash = ApiKeySecret.Hash(token),
                labels = JsonSerializer.Serialize(validLabels, VigilJson.Options), record.MaxUses, record.CreatedBy, record.CreatedAt, record.ExpiresAt,
            },
            transaction);
        await outbox.AppendAsync(connection, transaction, new EnrollmentTokenCreated(actor, record.Id, record.Description, record.MaxUses, record.ExpiresAt));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return new CreatedEnrollmentToken(record, token);
    }

    public async Task<IReadOnlyList<EnrollmentToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredEnrollmentToken>(
            $"SELECT {StoredEnrollmentToken.Columns} FROM enrollment_tokens ORDER BY created_at DESC");
        return rows.Select(r => r.ToToken()).ToList();
    }

    /// <summary>Revokes a token; false when no such token exists or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredEnrollmentToken>(
            $"SELECT {StoredEnrollmentToken.Columns} FROM enrollment_tokens WHERE id = @id AND revoked_at IS NULL", new { id }, transaction);
        if (row is null)
        {
            return false;
        }

        await connection.ExecuteAsync("UPDATE enrollment_tokens SET revoked_at = @now WHERE id = @id", new { id, now = time.GetUtcNow() }, transaction);
        await outbox.AppendAsync(connection, transaction, new EnrollmentTokenRevoked(actor, id, row.Description));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }
}
