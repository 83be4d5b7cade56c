using System.Text.Json;
using Vigil.Core.Json;

namespace Vigil.Core.Agents;

/// <summary>An <c>enrollment_tokens</c> row as Dapper reads it (labels are JSON text).</summary>
internal sealed class StoredEnrollmentToken
{
    public const string Columns = "id, description, prefix, token_hash, labels, max_uses, uses, created_by, created_at, expires_at, last_used_at, revoked_at";

    public string Id { get; init; } = "";
    public string? Description { get; init; }
    public string Prefix { get; init; } = "";
    public string TokenHash { get; init; } = "";
    public string Labels { get; init; } = "{}";
    public int MaxUses { get; init; }
    public int Uses { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public EnrollmentToken ToToken() => new()
    {
        Id = Id, Description = Description, Prefix = Prefix,
        Labels = JsonSerializer.Deserialize<Dictionary<string, string>>(Labels, VigilJson.Options) ?? [],
        MaxUses = MaxUses, Uses = Uses, CreatedBy = CreatedBy, CreatedAt = CreatedAt, ExpiresAt = ExpiresAt,
        LastUsedAt = LastUsedAt, RevokedAt = RevokedAt,
    };
}
