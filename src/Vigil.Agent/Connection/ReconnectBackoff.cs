namespace Vigil.Agent.Connection;

/// <summary>
/// Delays between connection attempts: doubling from one second to a minute, with jitter so a fleet that lost the
/// console at the same moment does not come back at the same moment. Retries forever.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan? initial = null, TimeSpan? maximum = null)
{
    private readonly TimeSpan _initial = initial ?? TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maximum = maximum ?? TimeSpan.FromMinutes(1);
    private int _failures;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures++, 16);
        var delay = Math.Min(_initial.TotalMilliseconds * Math.Pow(2, exponent), _maximum.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(delay * jitter);
    }

    public void Reset() => _failures = 0;
}
