namespace Vigil.Core.Events;

// Account and access events: they feed the audit log (contracts §4). One file because each is a one-line record.

public sealed record UserCreated(string Actor, string UserId, string Email, string Role) : DomainEvent, IAuditableEvent
{
    public string Action => "User created";
    public string? Target => Email;
    public string? Detail => $"role {Role}";
}

public sealed record UserChanged(string Actor, string UserId, string Email, string Change) : DomainEvent, IAuditableEvent
{
    public string Action => "User changed";
    public string? Target => Email;
    public string? Detail => Change;
}

public sealed record UserSignedIn(string Actor, string? SourceIp) : DomainEvent, IAuditableEvent, IPersonalEvent
{
    public string Action => "Signed in";
    public string? Target => null;
    public string? Detail => null;
}

public sealed record SignInFailed(string Actor, string Reason, string? SourceIp) : DomainEvent, IAuditableEvent, IPersonalEvent
{
    public string Action => "Sign-in failed";
    public string? Target => null;
    public string? Detail => Reason;
}

public sealed record ApiKeyCreated(string Actor, string KeyId, string Name, string Role, DateTimeOffset? ExpiresAt) : DomainEvent, IAuditableEvent
{
    public string Action => "API key created";
    public string? Target => Name;
    public string? Detail => ExpiresAt is null ? $"role {Role}, no expiry" : $"role {Role}, expires {ExpiresAt:u}";
}

public sealed record ApiKeyRevoked(string Actor, string KeyId, string Name) : DomainEvent, IAuditableEvent
{
    public string Action => "API key revoked";
    public string? Target => Name;
    public string? Detail => null;
}
