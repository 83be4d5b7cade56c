using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Workflows.Contracts;
using Vigil.Workflows.Persistence;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class ObserverTests : EngineTestBase
{
    private readonly RecordingObserver _observer = new();

    internal override WorkflowTestHost CreateHost() => new(Database, services =>
    {
        services.AddSingleton<IWorkflowObserver>(new ThrowingObserver());
        services.AddSingleton<IWorkflowObserver>(_observer);
    });

    [Fact]
    public async Task Observers_hear_each_activity_the_final_status_and_approval_requests_and_one_failing_observer_harms_nothing()
    {
        var instance = await RunAsync(Manual().Add("ask", "Vigil.Approval", Lit("title", "ok?")).Connect("start", "ask").Build());

        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.Equal(
            ["start:completed", "ask:suspended", ":Suspended"],
            _observer.Changes.Select(c => $"{c.ActivityId}:{c.ActivityStatus ?? c.Status.ToString()}"));
        Assert.Equal("Vigil.Approval", Assert.Single(_observer.Bookmarks).EventName);
    }

    private sealed class RecordingObserver : IWorkflowObserver
    {
        public ConcurrentQueue<WorkflowInstanceChanged> Changes { get; } = new();

        public ConcurrentQueue<StoredBookmark> Bookmarks { get; } = new();

        public Task InstanceChangedAsync(WorkflowInstanceChanged change, CancellationToken cancellationToken)
        {
            Changes.Enqueue(change);
            return Task.CompletedTask;
        }

        public Task BookmarkCreatedAsync(StoredBookmark bookmark, CancellationToken cancellationToken)
        {
            Bookmarks.Enqueue(bookmark);
            return Task.CompletedTask;
        }
    }

    private sealed class ThrowingObserver : IWorkflowObserver
    {
        public Task InstanceChangedAsync(WorkflowInstanceChanged change, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("hub down");

        public Task BookmarkCreatedAsync(StoredBookmark bookmark, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("hub down");
    }
}
