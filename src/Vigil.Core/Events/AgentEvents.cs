namespace Vigil.Core.Events;

// Enrollment and agent credential events: they feed the audit log. One file because each is a one-line record.

public sealed record EnrollmentTokenCreated(string Actor, string TokenId, string? Description, int MaxUses, DateTimeOffset ExpiresAt) : DomainEvent, IAuditableEvent
{
    public string Action => "Enrollment token created";
    public string? Target => Description ?? TokenId;
    public string? Detail => $"{MaxUses} use(s), expires {ExpiresAt:u}";
}

public sealed record EnrollmentTokenRevoked(string Actor, string TokenId, string? Description) : DomainEvent, IAuditableEvent
{
    public string Action => "Enrollment token revoked";
    public string? Target => Description ?? TokenId;
    public string? Detail => null;
}

public sealed record AgentEnrolled(string Actor, string NodeId, string NodeName, string TokenId, string? SourceIp) : DomainEvent, IAuditableEvent
{
    public string Action => "Agent enrolled";
    public string? Target => NodeName;
    public string? Detail => $"node {NodeId}, enrollment token {TokenId}";
}

public sealed record AgentCredentialRevoked(string Actor, string NodeId, string NodeName) : DomainEvent, IAuditableEvent
{
    public string Action => "Agent credential revoked";
    public string? Target => NodeName;
    public string? Detail => $"node {NodeId}";
}
