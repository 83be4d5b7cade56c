using System.Collections.Concurrent;

namespace Vigil.Workflows.Runtime;

/// <summary>Bursts executing in this engine, so a cancel can stop one mid-flight instead of waiting for its lease.</summary>
internal sealed class RunningInstances
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    public CancellationTokenSource Enter(string instanceId, CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _running[instanceId] = source;
        return source;
    }

    public void Leave(string instanceId, CancellationTokenSource source)
    {
        _running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(instanceId, source));
        source.Dispose();
    }

    public bool TryCancel(string instanceId)
    {
        if (!_running.TryGetValue(instanceId, out var source))
        {
            return false;
        }

        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
