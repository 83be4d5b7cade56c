namespace Vigil.Agent.Facts;

/// <summary>Container runtimes present on the machine, detected by their API sockets (no API call is made).</summary>
public static class ContainerRuntimes
{
    private static readonly (string Name, string Socket)[] Sockets =
    [
        ("docker", "/var/run/docker.sock"),
        ("docker", "/run/docker.sock"),
        ("containerd", "/run/containerd/containerd.sock"),
        ("podman", "/run/podman/podman.sock"),
        ("cri-o", "/var/run/crio/crio.sock"),
    ];

    public static IReadOnlyList<string> Detect()
    {
        var found = Sockets.Where(s => Exists(s.Socket)).Select(s => s.Name).ToList();
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Exists(Path.Combine(runtime, "podman", "podman.sock")))
        {
            found.Add("podman");
        }

        return found.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool Exists(string path)
    {
        try
        {
            return File.Exists(path) || (File.GetAttributes(path) & FileAttributes.Device) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
