using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Tests.Support;

/// <summary>
/// Hands out scan ids and can finish the scan before returning (the race where ScanCompleted arrives before the flow
/// reaches Wait for scan).
/// </summary>
internal sealed class ScriptedScanService : IScanService
{
    private int _next;

    public Func<string, Task>? OnStarted { get; set; }

    public async Task<IReadOnlyList<string>> StartScansAsync(IReadOnlyList<string> nodeIds, string requestedBy, CancellationToken cancellationToken)
    {
        var ids = nodeIds.Select(_ => $"scan-{Interlocked.Increment(ref _next)}").ToArray();
        foreach (var id in ids)
        {
            if (OnStarted is not null)
            {
                await OnStarted(id);
            }
        }

        return ids;
    }
}
