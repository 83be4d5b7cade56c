using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Activities;

public sealed class WaitingActivitiesTests : EngineTestBase
{
    [Theory]
    [InlineData(true, "Approved", "ok")]
    [InlineData(false, "Rejected", "no")]
    public async Task Approval_suspends_until_a_person_decides(bool approved, string outcome, string expectedLog)
    {
        var flow = Manual()
            .Add("ask", "Vigil.Approval", Lit("title", "Remove node?"), Js("message", "'node ' + input.nodeId"))
            .Add("ok", "Vigil.Log", Lit("message", "ok")).Add("no", "Vigil.Log", Lit("message", "no"))
            .Connect("start", "ask").Connect("ask", "ok", "Approved").Connect("ask", "no", "Rejected")
            .Build();
        var instance = await RunAsync(flow, new { nodeId = "n7" });

        var pending = Assert.Single(await Host.Bookmarks.ListAsync(null, "Vigil.Approval"));
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.Contains("node n7", pending.PayloadJson, StringComparison.Ordinal);

        await Host.Runtime.ResumeBookmarkAsync(pending.Id, Json(new { approved, by = "alice", comment = "fine" }));

        var journal = await JournalAsync(instance.Id);
        var decided = journal.Single(j => j.ActivityId == "ask" && j.Resumed);
        Assert.Equal(outcome, decided.Outcomes);
        Assert.Contains("alice", decided.OutputsJson, StringComparison.Ordinal);
        Assert.Equal(expectedLog, journal.Last().ActivityId);
        Assert.Empty(await Host.Bookmarks.ListAsync(instance.Id, null));
    }

    [Fact]
    public async Task Delay_stores_its_due_time_and_resumes_only_once_it_has_passed()
    {
        var flow = Manual()
            .Add("wait", "Vigil.Delay", Lit("duration", "PT10M"))
            .Add("after", "Vigil.Log", Lit("message", "later"))
            .Connect("start", "wait").Connect("wait", "after")
            .Build();
        var instance = await RunAsync(flow);
        var bookmark = Assert.Single(await Host.Bookmarks.ListAsync(instance.Id, null));
        Assert.InRange(bookmark.DueAt!.Value - Host.Time.GetUtcNow(), TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));

        Assert.Equal(0, await Host.Runtime.ResumeDueTimersAsync());
        Host.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await Host.Runtime.ResumeDueTimersAsync());
        Assert.Equal(0, await Host.Runtime.ResumeDueTimersAsync());

        Assert.Equal(WorkflowStatus.Finished, (await Host.Instances.GetAsync(instance.Id))!.Status);
        Assert.Equal(["start", "wait", "wait", "after"], await PathAsync(instance.Id));
    }

    [Fact]
    public async Task Timer_in_the_past_continues_at_once_and_in_the_future_waits()
    {
        var past = Host.Time.GetUtcNow().AddHours(-1).ToString("O");
        var future = Host.Time.GetUtcNow().AddHours(1).ToString("O");
        var flow = Manual()
            .Add("past", "Vigil.Timer", Lit("at", past))
            .Add("future", "Vigil.Timer", Lit("at", future))
            .Connect("start", "past").Connect("past", "future")
            .Build();

        var instance = await RunAsync(flow);

        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        var bookmark = Assert.Single(await Host.Bookmarks.ListAsync(instance.Id, null));
        Assert.Equal("future", bookmark.ActivityId);
        Assert.Equal(DateTimeOffset.Parse(future, System.Globalization.CultureInfo.InvariantCulture), bookmark.DueAt);
    }

    [Fact]
    public async Task Cancel_ends_a_suspended_instance_and_drops_its_bookmarks()
    {
        var instance = await RunAsync(Manual().Add("ask", "Vigil.Approval", Lit("title", "?")).Connect("start", "ask").Build());

        Assert.True(await Host.Runtime.CancelAsync(instance.Id));

        var stored = await Host.Instances.GetAsync(instance.Id);
        Assert.Equal(WorkflowStatus.Cancelled, stored!.Status);
        Assert.NotNull(stored.FinishedAt);
        Assert.Empty(await Host.Bookmarks.ListAsync(instance.Id, null));
        Assert.False(await Host.Runtime.CancelAsync(instance.Id));
    }

    [Fact]
    public async Task A_cancelled_instance_is_never_resumed()
    {
        var instance = await RunAsync(Manual().Add("ask", "Vigil.Approval", Lit("title", "?")).Connect("start", "ask").Build());
        var bookmark = Assert.Single(await Host.Bookmarks.ListAsync(instance.Id, null));
        await Host.Runtime.CancelAsync(instance.Id);

        Assert.Equal(ResumeResult.NotFound, await Host.Runtime.ResumeBookmarkAsync(bookmark.Id, Json(new { approved = true })));
        Assert.Equal(WorkflowStatus.Cancelled, (await Host.Instances.GetAsync(instance.Id))!.Status);
    }
}
