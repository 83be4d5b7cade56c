namespace Vigil.Core.Events;

/// <summary>An event that belongs in the audit log: who did what to what.</summary>
public interface IAuditableEvent
{
    /// <summary>User email, API key name (<c>key:NAME</c>), agent or workflow that acted.</summary>
    string Actor { get; }

    /// <summary>Short verb phrase shown in the audit log, e.g. <c>API key revoked</c>.</summary>
    string Action { get; }

    string? Target { get; }

    string? Detail { get; }

    string? SourceIp => null;
}
