namespace Vigil.Core.Accounts;

/// <summary>An API key as stored: the secret itself is never kept, only its SHA-256.</summary>
public sealed class ApiKey
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>The first characters of the key, shown so people can tell keys apart.</summary>
    public string Prefix { get; init; } = "";
    public string Role { get; init; } = Roles.Viewer;
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
