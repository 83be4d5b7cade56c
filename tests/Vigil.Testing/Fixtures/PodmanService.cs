using System.Diagnostics;

namespace Vigil.Testing.Fixtures;

/// <summary>
/// Podman as root on this VM, with its Docker-compatible API on a unix socket of its own, running containers of the
/// container image fixture. The VM needs runc (crun refuses its hybrid cgroup layout), vfs storage, cgroupfs and
/// rlimits below the sandbox's hard limits; the image has no shell, so containers run a static busybox bind-mounted in.
/// The README's test command installs podman, runc and busybox-static.
/// </summary>
public sealed class PodmanService : IDisposable
{
    public const string Image = "localhost/vigil-fixture:test";

    private static readonly string[] Global = ["--runtime", "runc", "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs"];
    private static readonly Lazy<string?> Problem = new(Probe);
    private readonly Process _service;
    private readonly List<string> _containers = [];

    public PodmanService()
    {
        Socket = Path.Combine(Path.GetTempPath(), $"vigil-podman-{Guid.NewGuid():N}.sock");
        var start = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[.. Global, "system", "service", "--time=0", $"unix://{Socket}"])
        {
            start.ArgumentList.Add(argument);
        }

        _service = Process.Start(start) ?? throw new InvalidOperationException("cannot start podman system service");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(Socket))
        {
            if (_service.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"podman system service did not open {Socket}: {_service.StandardError.ReadToEnd()}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Why containers cannot run here (the error podman gave), or null when they can.</summary>
    public static string? Unavailable => !Installed ? "needs podman, runc, busybox-static, skopeo, umoci and npm (./test.sh installs them)" : Problem.Value;

    /// <summary>The Docker Engine API socket of this service.</summary>
    public string Socket { get; }

    private static bool Installed =>
        FixtureCache.HasTool("podman") && FixtureCache.HasTool("runc") && File.Exists("/bin/busybox") && ContainerImageFixture.Available;

    /// <summary>Starts a container of the fixture image that sleeps, with <paramref name="labels"/>; returns its id.</summary>
    public string Run(string name, params (string Key, string Value)[] labels)
    {
        var id = Podman([.. RunArguments(name), .. labels.SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" }), Image, "sleep", "3600"]).Trim();
        _containers.Add(id);
        return id;
    }

    public static void Remove(string id) => Podman("rm", "-f", "-t", "0", id);

    public void Dispose()
    {
        foreach (var id in _containers)
        {
            try
            {
                Remove(id);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        _service.Kill(entireProcessTree: true);
        _service.WaitForExit();
        _service.Dispose();
        File.Delete(Socket);
    }

    private static string Podman(params string[] arguments) => FixtureCache.Run(Path.GetTempPath(), "podman", [.. Global, .. arguments]);

    private static string[] RunArguments(string name) =>
        ["run", "-d", "--name", name, "--network", "none", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096",
         "-v", "/bin/busybox:/busybox:ro", "--entrypoint", "/busybox"];

    /// <summary>Loads the fixture image and runs one container to the end; the error when the VM refuses.</summary>
    private static string? Probe()
    {
        try
        {
            FixtureCache.Run(Path.GetTempPath(), "skopeo", "copy", "--quiet", $"oci:{ContainerImageFixture.OciLayout}",
                $"containers-storage:[vfs@/var/lib/containers/storage+/run/containers/storage]{Image}");
            var name = $"vigil-probe-{Guid.NewGuid():N}";
            Podman([.. RunArguments(name).Where(a => a != "-d"), "--rm", Image, "true"]);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return $"podman cannot run containers on this machine: {ex.Message}";
        }
    }
}
