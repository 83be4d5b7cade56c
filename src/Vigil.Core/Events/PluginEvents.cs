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

/// <summary>A person ran a connector's page action (e.g. a local fleet's Launch instance); the result is what the plugin answered.</summary>
public sealed record IntegrationActionInvoked(string Actor, string IntegrationId, string Name, string ActionTitle, bool Success, string Result) : DomainEvent, IAuditableEvent
{
    public string Action => Success ? "Integration action run" : "Integration action failed";
    public string? Target => Name;
    public string? Detail => $"{ActionTitle}: {Result}";
}

/// <summary>A person terminated (or tried to) a cloud instance that no node maps to, from the integration's instance list.</summary>
public sealed record CloudInstanceTerminated(string Actor, string IntegrationId, string Name, string InstanceId, string Reason, bool Success, string Outcome) : DomainEvent, IAuditableEvent
{
    public string Action => Success ? "Cloud instance terminated" : "Cloud instance termination failed";
    public string? Target => $"{Name} ({InstanceId})";
    public string? Detail => $"{Reason} — {Outcome}";
}
