namespace Vigil.Agent.Containers;

/// <summary>How the agent discovers the host's containers: a Docker Engine API socket, else containerd's cgroups.</summary>
public static class ContainerSockets
{
    private static readonly string[] WellKnown = ["/var/run/docker.sock", "/run/docker.sock", "/run/podman/podman.sock"];
    private const string Containerd = "/run/containerd/containerd.sock";

    /// <summary>
    /// The socket <paramref name="configured"/> (<c>none</c> turns discovery off), else the first well-known Docker or
    /// podman socket present, else containerd's containers through /proc when containerd runs; null when none is found.
    /// </summary>
    public static IContainerSource? Choose(string? configured) => configured switch
    {
        "none" => null,
        { Length: > 0 } path => new DockerEngineClient(path),
        _ when WellKnown.FirstOrDefault(Path.Exists) is { } socket => new DockerEngineClient(socket),
        _ when Path.Exists(Containerd) => new ContainerdProcSource(),
        _ => null,
    };
}
