namespace Vigil.Agent.Connection;

/// <summary>The console's answer to <c>Hello</c> (the dashboard's <c>AgentWelcome</c> on the wire).</summary>
public sealed record ConsoleWelcome(string NodeId, string NodeName, TimeSpan HeartbeatInterval);
