using System.Collections.Concurrent;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Tests.Scheduling;

/// <summary>
/// Test host only: stands in for the scans part's IScanService (not on this branch), recording each request and
/// answering with one scan id per node, as the contract says.
/// </summary>
internal sealed class RecordingScanService : IScanService
{
    public ConcurrentQueue<(IReadOnlyList<string> NodeIds, string RequestedBy)> Requests { get; } = new();

    public Task<IReadOnlyList<string>> StartScansAsync(IReadOnlyList<string> nodeIds, string requestedBy, CancellationToken cancellationToken)
    {
        Requests.Enqueue((nodeIds, requestedBy));
        return Task.FromResult<IReadOnlyList<string>>(nodeIds.Select(n => "scan-" + n).ToArray());
    }
}
