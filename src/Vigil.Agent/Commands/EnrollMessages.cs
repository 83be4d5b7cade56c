namespace Vigil.Agent.Commands;

/// <summary>The body of <c>POST /api/v1/agents/enroll</c>.</summary>
public sealed record EnrollRequest(string Token, string Name, IReadOnlyDictionary<string, string> Labels);

/// <summary>The console's answer to an enrollment: the node and its credential.</summary>
public sealed record EnrollResponse(string NodeId, string NodeName, string Credential);
