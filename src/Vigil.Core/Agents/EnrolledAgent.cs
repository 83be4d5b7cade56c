namespace Vigil.Core.Agents;

/// <summary>A successful enrollment: the node created for the agent and its credential, shown this once.</summary>
public sealed record EnrolledAgent(string NodeId, string NodeName, IReadOnlyDictionary<string, string> Labels, string Credential);
