namespace Vigil.Core.Events;

// Workflow events (contracts §4). Instance changes and approval requests feed the live UI; publishing and enabling
// feed the audit log. One file because each is a one-line record.

/// <summary>A workflow instance or one of its activities changed status.</summary>
public sealed record WorkflowInstanceChanged(string InstanceId, string DefinitionId, string Status, string? ActivityId, string? ActivityStatus) : DomainEvent;

/// <summary>An Approval activity is waiting for a person: <see cref="BookmarkId"/> is what the approvals API resumes.</summary>
public sealed record ApprovalRequested(string BookmarkId, string InstanceId, string ActivityId, string? Details) : DomainEvent;

public sealed record WorkflowPublished(string Actor, string DefinitionId, string Name, int PublishedVersion) : DomainEvent, IAuditableEvent
{
    public string Action => "Workflow published";
    public string? Target => Name;
    public string? Detail => $"version {PublishedVersion}";
}

public sealed record WorkflowEnabledChanged(string Actor, string DefinitionId, bool Enabled) : DomainEvent, IAuditableEvent
{
    public string Action => Enabled ? "Workflow enabled" : "Workflow disabled";
    public string? Target => DefinitionId;
    public string? Detail => null;
}

public sealed record ApprovalDecided(string Actor, string InstanceId, string ActivityId, bool Approved, string? Comment) : DomainEvent, IAuditableEvent
{
    public string Action => Approved ? "Approval granted" : "Approval rejected";
    public string? Target => InstanceId;
    public string? Detail => Comment;
}

public sealed record PolicySaved(string Actor, string Name, bool Created) : DomainEvent, IAuditableEvent
{
    public string Action => Created ? "Policy created" : "Policy changed";
    public string? Target => Name;
    public string? Detail => null;
}

public sealed record PolicyDeleted(string Actor, string Name) : DomainEvent, IAuditableEvent
{
    public string Action => "Policy deleted";
    public string? Target => Name;
    public string? Detail => null;
}
