using Vigil.Core.Events;
using Vigil.Core.Scans;
using Vigil.Dashboard.Wall;

namespace Vigil.Dashboard.Tests.Wall;

/// <summary>How the wall's shared state follows domain events, without a database.</summary>
public sealed class WallBoardTests
{
    private static readonly FleetNode[] Fleet =
    [
        new("n1", "web-1", "host", "online"),
        new("n2", "web-2", "host", "online"),
        new("n3", "db-1", "container", "offline"),
    ];

    [Fact]
    public void Node_events_move_counts_between_statuses_and_types()
    {
        var board = new WallBoard();
        board.Load(Fleet, []);

        Assert.False(board.Apply(new NodeOffline("n1", "web-1", null)));
        Assert.False(board.Apply(new NodeOnline("n3", "db-1")));
        Assert.False(board.Apply(new NodeRegistered("n4", "app-1", "application", new Dictionary<string, string>(), default)));
        Assert.False(board.Apply(new NodeRegistered("n5", "edge-1", "host", new Dictionary<string, string>(), default)));
        Assert.False(board.Apply(new NodeOnline("n5", "edge-1")));
        Assert.True(board.Apply(new NodeRemoved("n2", "web-2", "alice", "decommissioned")), "a removed node's findings must be recounted");
        board.Apply(new NodeOnline("n3", "db-1")); // twice: idempotent

        var fleet = board.Snapshot(DateTimeOffset.UtcNow).Fleet;
        Assert.Equal((2, 2, 1), (fleet.Online, fleet.Offline, fleet.Removed)); // online: db-1, edge-1; offline: web-1, app-1
        Assert.Equal(new Dictionary<string, int> { ["host"] = 2, ["application"] = 1, ["container"] = 1 }, fleet.ByType);
    }

    [Fact]
    public void A_scan_is_shown_from_queued_through_progress_until_it_ends()
    {
        var board = new WallBoard();
        board.Load(Fleet, []);

        board.Apply(new ScanQueued("s1", "n1", "web-1", "alice"));
        var queued = Assert.Single(board.Snapshot(DateTimeOffset.UtcNow).ActiveScans);
        Assert.Equal((false, "queued", 0), (queued.Running, queued.Stage, queued.Percent));

        Assert.False(board.Apply(new ScanProgressed("s1", "n1", "cataloging", 40)));
        var running = Assert.Single(board.Snapshot(DateTimeOffset.UtcNow).ActiveScans);
        Assert.Equal((true, "cataloging", 40, "web-1"), (running.Running, running.Stage, running.Percent, running.NodeName));

        board.Apply(new ScanCompleted("s1", "n1", "web-1", new ScanSummary(1, 2, 0, 0, 0), "snap"));
        var after = board.Snapshot(DateTimeOffset.UtcNow);
        Assert.Empty(after.ActiveScans);
        Assert.Equal("Scan of web-1 complete: 1 critical, 2 high", after.Activity[0].Text);
        Assert.Equal("scans/s1", after.Activity[0].Href);
        Assert.Equal(WallActivityKind.ScanDone, after.Activity[0].Kind);
    }

    [Fact]
    public void Progress_of_a_scan_the_wall_missed_adds_it_with_the_node_name()
    {
        var board = new WallBoard();
        board.Load(Fleet, []);
        board.Apply(new ScanProgressed("s9", "n3", "uploading", 90));
        var scan = Assert.Single(board.Snapshot(DateTimeOffset.UtcNow).ActiveScans);
        Assert.Equal(("db-1", 90), (scan.NodeName, scan.Percent));

        board.Apply(new ScanFailed("s9", "n3", "db-1", "agent disconnected"));
        Assert.Empty(board.Snapshot(DateTimeOffset.UtcNow).ActiveScans);
    }

    [Fact]
    public void Findings_changes_mark_the_findings_views_stale_and_read_in_the_feed()
    {
        var board = new WallBoard();
        board.Load(Fleet, []);
        var added = new[] { new FindingChange("k1", "GHSA-1", "critical"), new FindingChange("k2", "GHSA-2", "low") };

        Assert.True(board.Apply(new FindingsChanged("n1", "web-1", null, "snap-2", added, [new FindingChange("k0", "GHSA-0", "high")])));

        var line = board.Snapshot(DateTimeOffset.UtcNow).Activity[0];
        Assert.Equal("web-1: 2 new (1 critical), 1 resolved findings after a feed update", line.Text);
        Assert.Equal(WallActivityKind.Findings, line.Kind);
    }

    [Fact]
    public void The_activity_feed_keeps_the_newest_entries_first()
    {
        var board = new WallBoard();
        board.Load(Fleet, []);
        for (var i = 0; i < WallBoard.ActivityKept + 5; i++)
        {
            board.Apply(new NodeOnline("n1", $"web-{i}"));
        }

        var activity = board.Snapshot(DateTimeOffset.UtcNow).Activity;
        Assert.Equal(WallBoard.ActivityKept, activity.Count);
        Assert.Equal($"web-{WallBoard.ActivityKept + 4} is online", activity[0].Text);
    }
}
