namespace Vigil.Workflows.Contracts;

/// <summary>
/// Queues scans for the Start scan activity. Implemented by the console's scan dispatcher (agents-and-scans issue); the
/// engine registers no implementation, so a flow using Start scan faults until the host provides one.
/// </summary>
public interface IScanService
{
    /// <summary>Queues one scan per node and returns the scan ids in the same order.</summary>
    /// <param name="nodeIds">Nodes to scan.</param>
    /// <param name="requestedBy">Who asks, for the audit log (e.g. <c>workflow:&lt;instanceId&gt;</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<IReadOnlyList<string>> StartScansAsync(IReadOnlyList<string> nodeIds, string requestedBy, CancellationToken cancellationToken);
}
