using System.Collections.Concurrent;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Tests.Support;

/// <summary>Records notifications.</summary>
internal sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<WorkflowNotification> Sent { get; } = new();

    public Task<IReadOnlyList<string>> NotifyAsync(WorkflowNotification notification, CancellationToken cancellationToken)
    {
        Sent.Enqueue(notification);
        return Task.FromResult<IReadOnlyList<string>>(["test-channel"]);
    }
}
