using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class BookmarkDurabilityTests : EngineTestBase
{
    private static Vigil.Workflows.Model.WorkflowDefinition ApprovalFlow(string id = "approve") => Manual(id)
        .Add("ask", "Vigil.Approval", Lit("title", "go?"))
        .Add("done", "Vigil.Log", Lit("message", "done"))
        .Connect("start", "ask").Connect("ask", "done", "Approved")
        .Build();

    [Fact]
    public async Task A_suspended_instance_survives_a_restarted_engine()
    {
        var instance = await RunAsync(ApprovalFlow());
        var bookmarkId = Assert.Single(await Host.Bookmarks.ListAsync(instance.Id, null)).Id;
        await Host.DisposeAsync();

        // A new engine over the same file: nothing in memory carries over.
        await using var restarted = new WorkflowTestHost(Database);
        Assert.Equal(ResumeResult.Resumed, await restarted.Runtime.ResumeBookmarkAsync(bookmarkId, Json(new { approved = true })));

        var stored = await restarted.Instances.GetAsync(instance.Id);
        Assert.Equal(WorkflowStatus.Finished, stored!.Status);
        Assert.Equal("done", (await restarted.Instances.GetJournalAsync(instance.Id)).Last().ActivityId);
        Host = new WorkflowTestHost(Database);
    }

    [Fact]
    public async Task A_timer_due_during_downtime_fires_once_after_restart()
    {
        var flow = Manual().Add("wait", "Vigil.Delay", Lit("duration", "60")).Add("after", "Vigil.Log", Lit("message", "x"))
            .Connect("start", "wait").Connect("wait", "after").Build();
        var instance = await RunAsync(flow);
        var time = Host.Time;
        await Host.DisposeAsync();
        time.Advance(TimeSpan.FromHours(2));

        await using var first = new WorkflowTestHost(Database, time: time);
        await using var second = new WorkflowTestHost(Database, time: time);
        var fired = await Task.WhenAll(first.Runtime.ResumeDueTimersAsync(), second.Runtime.ResumeDueTimersAsync());

        Assert.Equal(1, fired.Sum());
        Assert.Single(await first.Instances.GetJournalAsync(instance.Id), j => j.ActivityId == "after");
        Host = new WorkflowTestHost(Database);
    }

    [Fact]
    public async Task Two_engines_racing_for_one_bookmark_resume_it_exactly_once()
    {
        await using var other = new WorkflowTestHost(Database);
        await Host.Definitions.PublishAsync(ApprovalFlow());
        for (var round = 0; round < 20; round++)
        {
            var instance = await Host.Runtime.StartAsync("approve");
            var bookmarkId = Assert.Single(await Host.Bookmarks.ListAsync(instance!.Id, null)).Id;

            var results = await Task.WhenAll(
                Task.Run(() => Host.Runtime.ResumeBookmarkAsync(bookmarkId, Json(new { approved = true }))),
                Task.Run(() => other.Runtime.ResumeBookmarkAsync(bookmarkId, Json(new { approved = true }))));

            Assert.Single(results, ResumeResult.Resumed);
            Assert.Single(results, ResumeResult.NotFound);
            var journal = await Host.Instances.GetJournalAsync(instance.Id);
            Assert.Single(journal, j => j.ActivityId == "ask" && j.Resumed);
            Assert.Single(journal, j => j.ActivityId == "done");
        }
    }

    [Fact]
    public async Task Two_hundred_bookmarks_resumed_at_once_by_two_engines_all_finish_and_none_is_left()
    {
        await using var other = new WorkflowTestHost(Database);
        await Host.Definitions.PublishAsync(ApprovalFlow());
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add((await Host.Runtime.StartAsync("approve"))!.Id);
        }

        var bookmarks = await Host.Bookmarks.ListAsync(null, "Vigil.Approval", take: 500);
        Assert.Equal(200, bookmarks.Count);
        var outcomes = new ConcurrentBag<ResumeResult>();
        var stopwatch = Stopwatch.StartNew();

        // Every bookmark is asked for by both engines at the same time.
        await Parallel.ForEachAsync(bookmarks, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bookmark, _) =>
        {
            var both = await Task.WhenAll(
                Host.Runtime.ResumeBookmarkAsync(bookmark.Id, Json(new { approved = true })),
                other.Runtime.ResumeBookmarkAsync(bookmark.Id, Json(new { approved = true })));
            foreach (var result in both)
            {
                outcomes.Add(result);
            }
        });
        stopwatch.Stop();

        Assert.Equal(200, outcomes.Count(o => o == ResumeResult.Resumed));
        Assert.Empty(await Host.Bookmarks.ListAsync(null, null, take: 500));
        foreach (var id in ids)
        {
            Assert.Equal(WorkflowStatus.Finished, (await Host.Instances.GetAsync(id))!.Status);
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"200 resumes took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task One_event_resumes_every_waiting_bookmark_once_even_when_the_flow_waits_again()
    {
        // Each flow loops back to wait for the same scan: the event must not resume the new bookmarks it caused.
        var flow = Manual("loop")
            .Add("wait", "Vigil.WaitForScan", Lit("scanId", "scan-1"))
            .Add("log", "Vigil.Log", Lit("message", "round"))
            .Connect("start", "wait").Connect("wait", "log", "Completed").Connect("log", "wait")
            .Build();
        await Host.Definitions.PublishAsync(flow);
        for (var i = 0; i < 5; i++)
        {
            await Host.Runtime.StartAsync("loop");
        }

        var result = await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "evt-1", "scan-1", Json(new { scanId = "scan-1" })));

        Assert.Equal(5, result.ResumedBookmarks);
        Assert.Equal(5, (await Host.Bookmarks.ListAsync(null, "Vigil.ScanFinished")).Count);
    }
}
