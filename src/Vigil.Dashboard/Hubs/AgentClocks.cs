using System.Collections.Concurrent;
using Vigil.Core.Nodes;

namespace Vigil.Dashboard.Hubs;

/// <summary>
/// Watches the agents' clocks against the console's: logs a warning when one is off by more than
/// <see cref="ClockSkew.WarnBeyond"/>, and tells the hub when a heartbeat's skew moved enough to be stored again
/// (so a steady agent costs no extra write per heartbeat).
/// </summary>
public sealed partial class AgentClocks(ILogger<AgentClocks> logger)
{
    /// <summary>Skew changes smaller than this are latency noise, not a clock that moved.</summary>
    private const double RestoreAfterSeconds = 5;

    private readonly ConcurrentDictionary<string, double> _stored = new(StringComparer.Ordinal);

    /// <summary>The hello stored <paramref name="skewSeconds"/> for the node.</summary>
    public void Stored(string nodeId, string nodeName, double skewSeconds)
    {
        _stored[nodeId] = skewSeconds;
        if (ClockSkew.IsWorrying(skewSeconds))
        {
            LogSkew(nodeName, nodeId, skewSeconds);
        }
    }

    /// <summary>True when a heartbeat's skew differs enough from the stored one to be stored (and is remembered as stored).</summary>
    public bool Moved(string nodeId, string nodeName, double skewSeconds)
    {
        if (_stored.TryGetValue(nodeId, out var stored) && Math.Abs(stored - skewSeconds) < RestoreAfterSeconds)
        {
            return false;
        }

        Stored(nodeId, nodeName, skewSeconds);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {NodeName} ({NodeId}) clock is off by {SkewSeconds} s from the console's; the console keeps its own times, but fix NTP on that host")]
    private partial void LogSkew(string nodeName, string nodeId, double skewSeconds);
}
