using Dapper;
using Vigil.Core.Events;
using Vigil.Core.Storage;

namespace Vigil.Core.Accounts;

/// <summary>Creates, lists, revokes and validates API keys.</summary>
public sealed class ApiKeyService(IDbConnectionFactory db, EventOutbox outbox, TimeProvider time)
{
    /// <summary>Last-use timestamps are written at most this often per key, so reads stay reads.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>Shortest key accepted when an administrator supplies the value (bootstrap).</summary>
    public const int MinimumSuppliedKeyLength = 24;

    public async Task<CreatedApiKey> CreateAsync(string name, string role, DateTimeOffset? expiresAt, string actor, string? suppliedKey = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            throw new ArgumentException("An API key needs a name of 1 to 200 characters.", nameof(name));
        }

        var canonicalRole = Roles.Normalize(role) ?? throw new ArgumentException($"Unknown role '{role}'. Use Admin, Operator or Viewer.", nameof(role));
        if (expiresAt is { } expiry && expiry <= time.GetUtcNow())
        {
            throw new ArgumentException("The expiry must be in the future.", nameof(expiresAt));
        }

        if (suppliedKey is not null && suppliedKey.Length < MinimumSuppliedKeyLength)
        {
            throw new ArgumentException($"A supplied API key must have at least {MinimumSuppliedKeyLength} characters.", nameof(suppliedKey));
        }

        var key = suppliedKey ?? ApiKeySecret.Generate();
        var record = new ApiKey
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Name = name.Trim(),
            Prefix = ApiKeySecret.PrefixOf(key),
            Role = canonicalRole,
            CreatedBy = actor,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = expiresAt,
        };

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (id, name, prefix, key_hash, role, created_by, created_at, expires_at) VALUES (@Id, @Name, @Prefix, @hash, @Role, @CreatedBy, @CreatedAt, @ExpiresAt)",
            new { record.Id, record.Name, record.Prefix, hash = ApiKeySecret.Hash(key), record.Role, record.CreatedBy, record.CreatedAt, record.ExpiresAt },
            transaction);
        await outbox.AppendAsync(connection, transaction, new ApiKeyCreated(actor, record.Id, record.Name, record.Role, expiresAt));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return new CreatedApiKey(record, key);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ApiKey>(
            "SELECT id, name, prefix, role, created_by, created_at, expires_at, last_used_at, revoked_at FROM api_keys ORDER BY created_at DESC")).ToList();
    }

    /// <summary>Revokes a key; false when no such key exists or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT name FROM api_keys WHERE id = @id AND revoked_at IS NULL", new { id }, transaction);
        if (name is null)
        {
            return false;
        }

        await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @now WHERE id = @id", new { id, now = time.GetUtcNow() }, transaction);
        await outbox.AppendAsync(connection, transaction, new ApiKeyRevoked(actor, id, name));
        await transaction.CommitAsync(cancellationToken);
        outbox.Committed();
        return true;
    }

    /// <summary>The active key matching <paramref name="presentedKey"/>, or null (unknown, revoked or expired).</summary>
    public async Task<ApiKey?> ValidateAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512)
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(presentedKey);
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredKey>(
            "SELECT id, name, prefix, key_hash, role, created_by, created_at, expires_at, last_used_at, revoked_at FROM api_keys WHERE key_hash = @hash",
            new { hash });
        var now = time.GetUtcNow();
        if (row is null || !ApiKeySecret.HashesEqual(row.KeyHash, hash))
        {
            return null;
        }

        var key = row.ToApiKey();
        if (!key.IsActiveAt(now))
        {
            return null;
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUseResolution)
        {
            await connection.ExecuteAsync("UPDATE api_keys SET last_used_at = @now WHERE id = @Id", new { now, key.Id });
        }

        return key;
    }

    private sealed class StoredKey
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string KeyHash { get; init; } = "";
        public string Role { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ExpiresAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }

        public ApiKey ToApiKey() => new()
        {
            Id = Id, Name = Name, Prefix = Prefix, Role = Role, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
            ExpiresAt = ExpiresAt, LastUsedAt = LastUsedAt, RevokedAt = RevokedAt,
        };
    }
}
