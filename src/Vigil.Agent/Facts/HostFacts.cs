namespace Vigil.Agent.Facts;

/// <summary>
/// What the agent reports about its host with every hello; the console stores it as the node's facts.
/// <see cref="SentAt"/> is this host's clock, which the console turns into the node's clock skew.
/// </summary>
public sealed record HostFacts(
    string Hostname,
    OperatingSystemFacts? Os,
    string Kernel,
    string Architecture,
    IReadOnlyList<string> IpAddresses,
    string Root,
    string AgentVersion,
    IReadOnlyList<int> ListeningPorts,
    IReadOnlyList<string> ContainerRuntimes,
    IReadOnlyList<string> Capabilities,
    CloudFacts? Cloud = null,
    DateTimeOffset? SentAt = null);
