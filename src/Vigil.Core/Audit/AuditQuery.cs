namespace Vigil.Core.Audit;

/// <summary>Filters of the audit log page and API; all optional.</summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? Action = null,
    string? Search = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = 50);
