using Vigil.Core.Events;

namespace Vigil.Dashboard.Scans;

/// <summary>On <see cref="FeedUpdated"/>, queues a re-assessment of every node's latest SBOM against the new snapshot.</summary>
public sealed class ContinuousAssessment(ScanMatchQueue queue) : IDomainEventSubscriber
{
    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent is FeedUpdated updated)
        {
            // Idempotent by nature: a second job finds every assessment already on the current snapshot.
            await queue.EnqueueAsync(new ReassessJob(updated.SnapshotId), cancellationToken);
        }
    }
}
