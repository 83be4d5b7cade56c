namespace Vigil.Dashboard.Notifications;

/// <summary>
/// When to notify whom: events of the listed kinds that pass the filters go to the listed notification integrations,
/// at once or gathered into one digest per <see cref="DigestMinutes"/>.
/// </summary>
/// <remarks>
/// MinSeverity: Lowest severity that counts, for new findings and workflow notifications: critical, high, medium, low or unknown.<br/>
/// Labels: Node labels that must all be present with these values; empty = any node. Events without a node never pass a label filter.<br/>
/// Registries: Image registries (host[:port]) whose images count; empty = any node. Events without a node never pass it.<br/>
/// Channels: Ids of notification integrations.<br/>
/// DigestMinutes: 0 = one message per event; otherwise one digest per channel for everything within that many minutes.<br/>
/// PerFinding: New findings: one message per finding (dedup key per finding, for PagerDuty and Jira) instead of one per scan.<br/>
/// </remarks>
public sealed record NotificationRule(
    string Id,
    string Name,
    bool Enabled,
    IReadOnlyList<string> Events,
    string MinSeverity,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Registries,
    IReadOnlyList<string> Channels,
    int DigestMinutes,
    bool PerFinding,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
