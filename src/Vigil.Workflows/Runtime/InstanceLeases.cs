using Vigil.Workflows.Persistence;

namespace Vigil.Workflows.Runtime;

/// <summary>
/// Claims instances for one burst. A claim is a conditional update with a fresh token (prefixed with the engine id, so an
/// operator can see who holds an instance); waiting claimants back off until the holder commits or its lease expires.
/// </summary>
internal sealed class InstanceLeases
{
    private readonly WorkflowInstanceStore _instances;
    private readonly TimeProvider _time;
    private readonly WorkflowEngineOptions _options;

    public InstanceLeases(WorkflowInstanceStore instances, TimeProvider time, WorkflowEngineOptions options)
    {
        _instances = instances;
        _time = time;
        _options = options;
    }

    public string NewToken() => $"{_options.EngineId}/{Guid.NewGuid():N}";

    public async Task<bool> AcquireAsync(string instanceId, string token, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.LeaseWaitTimeout;
        var delay = TimeSpan.FromMilliseconds(2);
        var started = Environment.TickCount64;
        while (true)
        {
            var now = _time.GetUtcNow();
            if (await _instances.TryAcquireLeaseAsync(instanceId, token, now, now + _options.LeaseDuration, cancellationToken))
            {
                return true;
            }

            // Bounded by real time as well, so a frozen test clock cannot make a claimant wait forever.
            if (now >= deadline || Environment.TickCount64 - started > _options.LeaseWaitTimeout.TotalMilliseconds)
            {
                return false;
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    public Task ReleaseAsync(string instanceId, string token) => _instances.ReleaseLeaseAsync(instanceId, token, CancellationToken.None);
}
