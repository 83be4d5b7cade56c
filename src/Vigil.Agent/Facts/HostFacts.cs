namespace Vigil.Agent.Facts;

/// <summary>What the agent reports about its host with every hello; the console stores it as the node's facts.</summary>
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
    CloudFacts? Cloud = null);
