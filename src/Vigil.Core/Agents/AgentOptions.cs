namespace Vigil.Core.Agents;

/// <summary>The <c>Vigil:Agents</c> configuration section: heartbeats, offline detection and enrollment limits.</summary>
public sealed class AgentOptions
{
    public const string SectionName = "Vigil:Agents";

    /// <summary>How often agents are told to send a heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A node without a heartbeat for this long is marked offline (three missed heartbeats by default).</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Enrollment attempts accepted per client address and minute; enrollment is the one anonymous write.</summary>
    public int EnrollmentsPerMinute { get; set; } = 10;

    /// <summary>How long a new enrollment token lives when its creator gives no expiry.</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the offline sweep runs: often enough that a node is never more than a third late.</summary>
    public TimeSpan SweepInterval => TimeSpan.FromTicks(Math.Clamp(OfflineAfter.Ticks / 3, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(30).Ticks));
}
