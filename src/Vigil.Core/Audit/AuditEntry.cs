namespace Vigil.Core.Audit;

/// <summary>One line of the audit log: who did what, to what, when, from where.</summary>
public sealed class AuditEntry
{
    public string Id { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
    public string Actor { get; init; } = "";
    public string Action { get; init; } = "";
    public string? Target { get; init; }
    public string? Detail { get; init; }
    public string? Ip { get; init; }
}
