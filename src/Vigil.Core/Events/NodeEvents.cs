using System.Text.Json;

namespace Vigil.Core.Events;

// Node inventory events (contracts §4). One file because each is a one-line record.

/// <summary>Once per node: its first connection with facts. Reconnects never raise it again.</summary>
public sealed record NodeRegistered(string NodeId, string NodeName, string NodeType, IReadOnlyDictionary<string, string> Labels, JsonElement Facts) : DomainEvent;

/// <summary>A node that was offline (or never seen) is connected and heartbeating.</summary>
public sealed record NodeOnline(string NodeId, string NodeName) : DomainEvent;

/// <summary>A node missed its heartbeats for longer than the configured timeout.</summary>
public sealed record NodeOffline(string NodeId, string NodeName, DateTimeOffset? LastSeen) : DomainEvent;

/// <summary>A cloud connector isolated the node (security groups replaced, cordoned, labelled).</summary>
public sealed record NodeQuarantined(string NodeId, string NodeName, string By, string Reason) : DomainEvent, IAuditableEvent
{
    /// <summary>The cloud integration and instance that acted, e.g. "prod AWS (i-0abc)"; null when none did.</summary>
    public string? Via { get; init; }

    /// <summary>What the provider answered.</summary>
    public string? Outcome { get; init; }

    string IAuditableEvent.Actor => By;
    public string Action => "Node quarantined";
    public string? Target => NodeName;
    public string? Detail => CloudAction.Detail(Reason, Via, Outcome);
}

/// <summary>The node was removed: terminated by its cloud connector or marked removed.</summary>
public sealed record NodeRemoved(string NodeId, string NodeName, string By, string Reason) : DomainEvent, IAuditableEvent
{
    /// <summary>The cloud integration and instance that terminated the machine; null when only marked removed in Vigil.</summary>
    public string? Via { get; init; }

    /// <summary>What the provider answered.</summary>
    public string? Outcome { get; init; }

    string IAuditableEvent.Actor => By;
    public string Action => "Node removed";
    public string? Target => NodeName;
    public string? Detail => CloudAction.Detail(Reason, Via, Outcome);
}

/// <summary>
/// A quarantine or termination through a cloud connector failed (or was refused); <paramref name="NextAttemptAt"/>
/// says when it is tried again, null when it is not.
/// </summary>
public sealed record NodeRemovalFailed(string NodeId, string NodeName, string By, string Reason, string Via, string Error, int Attempt, DateTimeOffset? NextAttemptAt)
    : DomainEvent, IAuditableEvent
{
    string IAuditableEvent.Actor => By;
    public string Action => "Node removal failed";
    public string? Target => NodeName;
    public string? Detail => $"{Reason} — via {Via}, attempt {Attempt}: {Error}" + (NextAttemptAt is { } next ? $"; retrying at {next:u}" : "; not retried");
}

/// <summary>How the removal events describe a cloud action in the audit log.</summary>
internal static class CloudAction
{
    public static string Detail(string reason, string? via, string? outcome) =>
        via is null ? reason : $"{reason} — via {via}{(outcome is { Length: > 0 } ? ": " + outcome : "")}";
}

/// <summary>A person or a flow set a label on the node.</summary>
public sealed record NodeLabelled(string NodeId, string NodeName, string Key, string Value, string By) : DomainEvent, IAuditableEvent
{
    string IAuditableEvent.Actor => By;
    public string Action => "Node labelled";
    public string? Target => NodeName;
    public string? Detail => $"{Key}={Value}";
}

/// <summary>
/// A notification a flow raised, kept on the node's timeline and delivered through notification channels: the ones
/// named in <see cref="Channels"/>, or, when none are named, those of the rules subscribed to flow notifications.
/// </summary>
public sealed record NotificationRecorded(string? NodeId, string Title, string Text, string Severity, string By, string? DedupKey) : DomainEvent
{
    /// <summary>Names (or ids) of notification integrations to deliver to; empty = the rules decide.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];
}
