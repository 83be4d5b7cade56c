using Vigil.Core.Events;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Dashboard.Notifications;

/// <summary>
/// Which domain events can notify (their rule event kind), and the messages they make. New findings depend on the
/// rule: only findings at or above its minimum severity count, and it may ask for one message per finding.
/// </summary>
public sealed class EventNotifications(PublicLinks links)
{
    private const int MaxListedFindings = 20;

    public static string? KindOf(DomainEvent domainEvent) => domainEvent switch
    {
        ScanFailed => NotificationEventKinds.ScanFailed,
        FindingsChanged { Added.Count: > 0 } => NotificationEventKinds.NewFindings,
        NodeRemoved => NotificationEventKinds.NodeRemoved,
        NodeOffline => NotificationEventKinds.NodeOffline,
        FeedUpdated => NotificationEventKinds.FeedUpdated,
        NotificationRecorded => NotificationEventKinds.FlowNotification,
        _ => null,
    };

    public static string? NodeIdOf(DomainEvent domainEvent) => domainEvent switch
    {
        ScanFailed e => e.NodeId,
        FindingsChanged e => e.NodeId,
        NodeRemoved e => e.NodeId,
        NodeOffline e => e.NodeId,
        NotificationRecorded e => e.NodeId,
        _ => null,
    };

    /// <summary>The messages <paramref name="domainEvent"/> makes for <paramref name="rule"/> (null: no rule's filters apply); empty when the rule's severity filter leaves nothing.</summary>
    public IReadOnlyList<ComposedMessage> Compose(DomainEvent domainEvent, NotificationRule? rule) => domainEvent switch
    {
        ScanFailed e => [new("", new NotificationMessage(
            $"Scan failed on {e.NodeName}", e.Error, NotificationSeverity.High, links.Scan(e.ScanId),
            [new("Node", e.NodeName), new("Scan", e.ScanId)], $"scan-failed:{e.ScanId}"))],
        FindingsChanged e => NewFindings(e, rule),
        NodeRemoved e => [new("", new NotificationMessage(
            $"Node {e.NodeName} was removed", $"Removed by {e.By}: {e.Reason}", NotificationSeverity.Medium, links.Node(e.NodeId),
            [new("Node", e.NodeName), new("By", e.By), new("Reason", e.Reason)], $"node-removed:{e.NodeId}"))],
        NodeOffline e => [new("", new NotificationMessage(
            $"{e.NodeName} is offline",
            e.LastSeen is { } seen ? $"The agent on {e.NodeName} stopped sending heartbeats; last seen {seen.UtcDateTime:yyyy-MM-dd HH:mm} UTC." : $"The agent on {e.NodeName} has not connected.",
            NotificationSeverity.Medium, links.Node(e.NodeId), [new("Node", e.NodeName)], $"node-offline:{e.NodeId}"))],
        FeedUpdated e => [new("", new NotificationMessage(
            "Threat feed updated", $"Snapshot {e.SnapshotId}: {e.Added} advisories added, {e.Changed} changed, {e.Withdrawn} withdrawn.",
            NotificationSeverity.Info, links.Root, [new("Added", Count(e.Added)), new("Changed", Count(e.Changed)), new("Withdrawn", Count(e.Withdrawn))],
            $"feed:{e.SnapshotId}"))],
        NotificationRecorded e when rule is null || Severities.AtLeast(e.Severity, rule.MinSeverity) => [new("", new NotificationMessage(
            e.Title, e.Text, Severities.Parse(e.Severity), e.NodeId is { } node ? links.Node(node) : links.Root,
            e.NodeId is { } id ? [new("Node", id), new("From", e.By)] : [new("From", e.By)], e.DedupKey))],
        _ => [],
    };

    private IReadOnlyList<ComposedMessage> NewFindings(FindingsChanged e, NotificationRule? rule)
    {
        var findings = e.Added.Where(f => rule is null || Severities.AtLeast(f.Severity, rule.MinSeverity))
            .OrderByDescending(f => Severities.Parse(f.Severity)).ThenBy(f => f.Id, StringComparer.Ordinal).ToArray();
        if (findings.Length == 0)
        {
            return [];
        }

        if (rule?.PerFinding == true)
        {
            return findings.Select(f => new ComposedMessage(f.Key, new NotificationMessage(
                $"{f.Id} ({f.Severity}) on {e.NodeName}", $"New finding {f.Id} on {e.NodeName}: {f.Key}", Severities.Parse(f.Severity),
                links.Finding(e.NodeId, f.Key), [new("Node", e.NodeName), new("Advisory", f.Id), new("Severity", f.Severity)],
                $"finding:{e.NodeId}:{f.Key}"))).ToArray();
        }

        var counts = string.Join(", ", findings.GroupBy(f => f.Severity).Select(g => $"{g.Count()} {g.Key}"));
        var lines = findings.Take(MaxListedFindings).Select(f => $"• {f.Id} ({f.Severity}) {f.Key}").ToList();
        if (findings.Length > MaxListedFindings)
        {
            lines.Add($"… and {findings.Length - MaxListedFindings} more");
        }

        var source = e.ScanId is { } scan ? new NotificationFact("Scan", scan) : new NotificationFact("Feed snapshot", e.SnapshotId ?? "?");
        return [new("", new NotificationMessage(
            $"{findings.Length} new finding{(findings.Length == 1 ? "" : "s")} on {e.NodeName} ({counts})",
            string.Join('\n', lines),
            findings.Max(f => Severities.Parse(f.Severity)),
            e.ScanId is { } scanId ? links.Scan(scanId) : links.Node(e.NodeId),
            [new("Node", e.NodeName), source, new("New findings", Count(findings.Length))],
            $"findings:{e.NodeId}:{e.ScanId ?? e.SnapshotId}"))];
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
