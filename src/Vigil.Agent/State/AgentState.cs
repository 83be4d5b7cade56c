namespace Vigil.Agent.State;

/// <summary>What enrollment leaves behind: where the console is and the credential that proves who this agent is.</summary>
public sealed record AgentState(string ConsoleUrl, string NodeId, string NodeName, string Credential, DateTimeOffset EnrolledAt);
