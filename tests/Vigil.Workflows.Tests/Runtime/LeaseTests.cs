using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class LeaseTests : EngineTestBase
{
    internal override WorkflowTestHost CreateHost() => new(Database, configureOptions: o =>
    {
        o.LeaseDuration = TimeSpan.FromMinutes(1);
        o.LeaseWaitTimeout = TimeSpan.FromMilliseconds(300);
    });

    private async Task<(WorkflowInstance Instance, string BookmarkId)> SuspendedAsync()
    {
        var instance = await RunAsync(Manual().Add("ask", "Vigil.Approval", Lit("title", "?")).Add("done", "Vigil.Log", Lit("message", "done"))
            .Connect("start", "ask").Connect("ask", "done", "Approved").Build());
        return (instance, Assert.Single(await Host.Bookmarks.ListAsync(instance.Id, null)).Id);
    }

    [Fact]
    public async Task An_instance_held_by_a_dead_engine_is_resumed_once_its_lease_expires()
    {
        var (instance, bookmarkId) = await SuspendedAsync();
        var now = Host.Time.GetUtcNow();
        Assert.True(await Host.Instances.TryAcquireLeaseAsync(instance.Id, "dead-engine/1", now, now.AddMinutes(1)));

        Assert.Equal(ResumeResult.Busy, await Host.Runtime.ResumeBookmarkAsync(bookmarkId, Json(new { approved = true })));
        Host.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(ResumeResult.Resumed, await Host.Runtime.ResumeBookmarkAsync(bookmarkId, Json(new { approved = true })));
        Assert.Equal(WorkflowStatus.Finished, (await Host.Instances.GetAsync(instance.Id))!.Status);
    }

    [Fact]
    public async Task An_engine_whose_lease_was_taken_over_cannot_commit()
    {
        var (instance, bookmarkId) = await SuspendedAsync();
        var now = Host.Time.GetUtcNow();
        Assert.True(await Host.Instances.TryAcquireLeaseAsync(instance.Id, "slow-engine/1", now, now.AddMinutes(1)));
        Host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(ResumeResult.Resumed, await Host.Runtime.ResumeBookmarkAsync(bookmarkId, Json(new { approved = true })));

        // The slow engine finally tries to commit what it computed from the old state.
        var stale = await Host.Instances.GetAsync(instance.Id);
        stale!.Status = WorkflowStatus.Faulted;
        var pending = new PendingChanges();
        pending.ConsumedBookmarkIds.Add(bookmarkId);

        await Assert.ThrowsAsync<LeaseLostException>(() => Host.Instances.SaveAsync(stale, false, "slow-engine/1", null, pending));
        Assert.Equal(WorkflowStatus.Finished, (await Host.Instances.GetAsync(instance.Id))!.Status);
    }

    [Fact]
    public async Task A_consumed_bookmark_cannot_be_consumed_again_even_by_a_lease_holder()
    {
        var (instance, bookmarkId) = await SuspendedAsync();
        await Host.Runtime.ResumeBookmarkAsync(bookmarkId, Json(new { approved = true }));
        var now = Host.Time.GetUtcNow();
        Assert.True(await Host.Instances.TryAcquireLeaseAsync(instance.Id, "x/1", now, now.AddMinutes(1)));
        var pending = new PendingChanges();
        pending.ConsumedBookmarkIds.Add(bookmarkId);

        var state = await Host.Instances.GetAsync(instance.Id);
        await Assert.ThrowsAsync<LeaseLostException>(() => Host.Instances.SaveAsync(state!, false, "x/1", null, pending));

        Assert.Single(await Host.Instances.GetJournalAsync(instance.Id), j => j.ActivityId == "done");
    }
}
