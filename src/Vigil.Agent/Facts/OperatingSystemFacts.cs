namespace Vigil.Agent.Facts;

/// <summary>The distribution from os-release(5) under the agent's root.</summary>
public sealed record OperatingSystemFacts(string Id, string VersionId, string? PrettyName);
