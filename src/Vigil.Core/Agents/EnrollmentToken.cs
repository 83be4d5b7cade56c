namespace Vigil.Core.Agents;

/// <summary>An enrollment token as stored: the secret itself is never kept, only its SHA-256.</summary>
public sealed class EnrollmentToken
{
    public string Id { get; init; } = "";
    public string? Description { get; init; }

    /// <summary>The first characters of the token, so people can tell tokens apart.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>Labels every node enrolled with this token receives (they win over labels the agent asks for).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public int MaxUses { get; init; }
    public int Uses { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Why the token cannot enroll an agent at <paramref name="now"/>, or null when it can.</summary>
    public EnrollmentRefusal? RefusalAt(DateTimeOffset now) =>
        RevokedAt is not null ? EnrollmentRefusal.Revoked
        : ExpiresAt <= now ? EnrollmentRefusal.Expired
        : Uses >= MaxUses ? EnrollmentRefusal.UsedUp
        : null;
}
