namespace Vigil.Agent.Containers;

/// <summary>Which Docker Engine API socket the agent uses to discover the host's containers.</summary>
public static class ContainerSockets
{
    private static readonly string[] WellKnown = ["/var/run/docker.sock", "/run/docker.sock", "/run/podman/podman.sock"];

    /// <summary><paramref name="configured"/> when given (<c>none</c> turns discovery off), else the first well-known socket present.</summary>
    public static string? Choose(string? configured) => configured switch
    {
        "none" => null,
        { Length: > 0 } path => path,
        _ => WellKnown.FirstOrDefault(Path.Exists),
    };
}
