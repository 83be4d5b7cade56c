namespace Vigil.Dashboard.Hubs;

/// <summary>The console's answer to an agent's hello: who it is and how often to send heartbeats.</summary>
public sealed record AgentWelcome(string NodeId, string NodeName, TimeSpan HeartbeatInterval);
