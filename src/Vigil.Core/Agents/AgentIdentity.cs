namespace Vigil.Core.Agents;

/// <summary>Who an authenticated agent is: its credential and the node it speaks for.</summary>
public sealed record AgentIdentity(string CredentialId, string NodeId, string NodeName);
