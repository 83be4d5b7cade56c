using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;

namespace Vigil.Dashboard.Wall;

/// <summary>
/// The wall's state and how domain events change it, without a database: nodes and active scans are kept in memory and
/// updated event by event; the findings views (which honour triage) are reloaded by the caller when
/// <see cref="Apply"/> says they changed. Not thread-safe: one loop owns it.
/// </summary>
public sealed class WallBoard
{
    public const int ActivityKept = 15;

    private readonly Dictionary<string, FleetNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WallScan> _scans = new(StringComparer.Ordinal);
    private readonly LinkedList<WallActivity> _activity = new();
    private ScanSummary _findings = ScanSummary.Empty;
    private IReadOnlyList<VulnerableNode> _mostVulnerable = [];
    private IReadOnlyList<FleetFinding> _newestCritical = [];

    /// <summary>Replaces nodes and active scans with what the database holds now.</summary>
    public void Load(IEnumerable<FleetNode> nodes, IEnumerable<Scan> activeScans)
    {
        _nodes.Clear();
        foreach (var node in nodes)
        {
            _nodes[node.Id] = node;
        }

        _scans.Clear();
        foreach (var scan in activeScans.Where(s => s.IsActive))
        {
            _scans[scan.Id] = new WallScan(scan.Id, scan.NodeId, scan.NodeName, scan.Status == ScanStatus.Running,
                scan.Stage ?? "queued", scan.Progress, scan.StartedAt ?? scan.CreatedAt);
        }
    }

    /// <summary>Replaces the findings views (severity totals, most vulnerable nodes, newest critical findings).</summary>
    public void LoadFindings(ScanSummary totals, IReadOnlyList<VulnerableNode> mostVulnerable, IReadOnlyList<FleetFinding> newestCritical)
    {
        _findings = totals;
        _mostVulnerable = mostVulnerable;
        _newestCritical = newestCritical;
    }

    /// <summary>Applies one event; true when the findings views are stale and must be reloaded.</summary>
    public bool Apply(DomainEvent e)
    {
        switch (e)
        {
            case ScanQueued q:
                _scans[q.ScanId] = new WallScan(q.ScanId, q.NodeId, q.NodeName, false, "queued", 0, q.OccurredAt);
                Log(e, WallActivityKind.Scan, $"Scan of {q.NodeName} queued by {q.RequestedBy}", ScanLink(q.ScanId));
                return false;
            case ScanStarted s:
                _scans[s.ScanId] = _scans.TryGetValue(s.ScanId, out var queued)
                    ? queued with { Running = true, Since = s.OccurredAt, Stage = queued.Stage == "queued" ? "starting" : queued.Stage }
                    : new WallScan(s.ScanId, s.NodeId, s.NodeName, true, "starting", 0, s.OccurredAt);
                Log(e, WallActivityKind.Scan, $"Scan of {s.NodeName} started", ScanLink(s.ScanId));
                return false;
            case ScanProgressed p:
                _scans[p.ScanId] = _scans.TryGetValue(p.ScanId, out var seen)
                    ? seen with { Running = true, Stage = p.Stage, Percent = p.Percent }
                    : new WallScan(p.ScanId, p.NodeId, NodeName(p.NodeId), true, p.Stage, p.Percent, p.OccurredAt);
                return false;
            case ScanCompleted c:
                _scans.Remove(c.ScanId);
                Log(e, WallActivityKind.ScanDone, $"Scan of {c.NodeName} complete: {Describe(c.Summary)}", ScanLink(c.ScanId));
                return false;
            case ScanFailed f:
                _scans.Remove(f.ScanId);
                Log(e, WallActivityKind.ScanFailed, $"Scan of {f.NodeName} failed: {f.Error}", ScanLink(f.ScanId));
                return false;
            case ScanCancelled x:
                _scans.Remove(x.ScanId);
                Log(e, WallActivityKind.ScanFailed, $"Scan of {x.NodeName} cancelled by {x.By}", ScanLink(x.ScanId));
                return false;
            case FindingsChanged changed:
                LogFindings(changed);
                return true;
            case FeedUpdated feed:
                Log(e, WallActivityKind.Feed, $"Threat feed updated: {feed.Added} new, {feed.Changed} changed, {feed.Withdrawn} withdrawn advisories", null);
                return false;
            case NodeRegistered r:
                // Registration keeps the stored status (pushed images and applications stay offline); NodeOnline follows for agents.
                _nodes[r.NodeId] = new FleetNode(r.NodeId, r.NodeName, r.NodeType,
                    _nodes.TryGetValue(r.NodeId, out var known) ? known.Status : NodeStorage.StatusText(NodeStatus.Offline));
                Log(e, WallActivityKind.NodeUp, $"{r.NodeName} joined the fleet ({r.NodeType})", null);
                return false;
            case NodeOnline on:
                SetStatus(on.NodeId, on.NodeName, NodeStatus.Online);
                Log(e, WallActivityKind.NodeUp, $"{on.NodeName} is online", null);
                return false;
            case NodeOffline off:
                SetStatus(off.NodeId, off.NodeName, NodeStatus.Offline);
                Log(e, WallActivityKind.NodeDown, $"{off.NodeName} went offline", null);
                return false;
            case NodeRemoved removed:
                SetStatus(removed.NodeId, removed.NodeName, NodeStatus.Removed);
                Log(e, WallActivityKind.NodeDown, $"{removed.NodeName} was removed by {removed.By}", null);
                return true; // a removed node's findings no longer count
            default:
                return false;
        }
    }

    public WallSnapshot Snapshot(DateTimeOffset now)
    {
        var online = NodeStorage.StatusText(NodeStatus.Online);
        var offline = NodeStorage.StatusText(NodeStatus.Offline);
        var removed = NodeStorage.StatusText(NodeStatus.Removed);
        var byType = _nodes.Values.Where(n => n.Status != removed).GroupBy(n => n.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Count());
        var fleet = new WallFleet(_nodes.Values.Count(n => n.Status == online), _nodes.Values.Count(n => n.Status == offline),
            _nodes.Values.Count(n => n.Status == removed), byType);
        var scans = _scans.Values.OrderByDescending(s => s.Running).ThenByDescending(s => s.Percent).ThenBy(s => s.Since).ToList();
        return new WallSnapshot(fleet, scans, _findings, _mostVulnerable, _newestCritical, _activity.ToList(), now);
    }

    private void SetStatus(string nodeId, string name, NodeStatus status)
    {
        var type = _nodes.TryGetValue(nodeId, out var node) ? node.Type : NodeStorage.TypeText(NodeType.Host);
        _nodes[nodeId] = new FleetNode(nodeId, name, type, NodeStorage.StatusText(status));
    }

    private void LogFindings(FindingsChanged changed)
    {
        if (changed.Added.Count == 0 && changed.Removed.Count == 0)
        {
            return;
        }

        var critical = changed.Added.Count(a => a.Severity == "critical");
        var parts = new List<string>();
        if (changed.Added.Count > 0)
        {
            parts.Add($"{changed.Added.Count} new" + (critical > 0 ? $" ({critical} critical)" : ""));
        }

        if (changed.Removed.Count > 0)
        {
            parts.Add($"{changed.Removed.Count} resolved");
        }

        var why = changed.ScanId is null ? " after a feed update" : "";
        Log(changed, WallActivityKind.Findings, $"{changed.NodeName}: {string.Join(", ", parts)} findings{why}", changed.ScanId is null ? null : ScanLink(changed.ScanId));
    }

    private void Log(DomainEvent e, WallActivityKind kind, string text, string? href)
    {
        _activity.AddFirst(new WallActivity(e.OccurredAt, kind, text, href));
        while (_activity.Count > ActivityKept)
        {
            _activity.RemoveLast();
        }
    }

    private string NodeName(string nodeId) => _nodes.TryGetValue(nodeId, out var node) ? node.Name : nodeId;

    private static string ScanLink(string scanId) => $"scans/{scanId}";

    private static string Describe(ScanSummary s) =>
        s.Total == 0 ? "no findings" : string.Join(", ", new[] { (s.Critical, "critical"), (s.High, "high"), (s.Medium, "medium"), (s.Low, "low"), (s.Unknown, "unknown") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}"));
}
