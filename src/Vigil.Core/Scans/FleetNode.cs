namespace Vigil.Core.Scans;

/// <summary>A node's identity and state, lowercase as stored (<c>host</c>, <c>online</c>), for fleet counts.</summary>
public sealed record FleetNode(string Id, string Name, string Type, string Status);
