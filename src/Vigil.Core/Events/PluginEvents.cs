namespace Vigil.Core.Events;

// Integration (configured plugin connector) events: they feed the audit log (contracts §4). Never carry settings: they may hold secrets.

public sealed record PluginConfigured(string Actor, string IntegrationId, string Name, string PluginId, string ConnectorType, bool Created) : DomainEvent, IAuditableEvent
{
    public string Action => Created ? "Integration added" : "Integration changed";
    public string? Target => Name;
    public string? Detail => $"{PluginId}/{ConnectorType}";
}

public sealed record IntegrationRemoved(string Actor, string IntegrationId, string Name, string PluginId) : DomainEvent, IAuditableEvent
{
    public string Action => "Integration removed";
    public string? Target => Name;
    public string? Detail => PluginId;
}
