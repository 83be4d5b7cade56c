using Vigil.Agent.Containers;
using Vigil.Testing;

namespace Vigil.Agent.Tests;

/// <summary>containerd's containers read from a /proc tree: cgroupfs and systemd layouts, host processes left out.</summary>
public sealed class ContainerdProcSourceTests
{
    private static readonly string Web = new('a', 64);
    private static readonly string Job = "0123456789abcdef".PadRight(64, 'f');

    [Fact]
    public async Task Each_container_is_found_once_with_its_lowest_pid_as_init()
    {
        using var proc = new TempDirectory("vigil-proc");
        Process(proc, 1, "0::/init.scope");
        Process(proc, 812, "0::/system.slice/containerd.service");
        Process(proc, 4100, $"0::/default/{Web}");
        Process(proc, 4088, $"0::/default/{Web}"); // the container's init, listed after a child
        Process(proc, 5200, $"12:memory:/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod7.slice/cri-containerd-{Job}.scope\n0::/");
        Directory.CreateDirectory(proc.Combine("self"));
        Directory.CreateDirectory(proc.Combine("6000")); // a process that ended between the listing and the read

        var source = new ContainerdProcSource(proc.Path);
        var running = await source.RunningAsync(TestContext.Current.CancellationToken);

        Assert.Equal([(Job, 5200), (Web, 4088)], running.Select(c => (c.Id, c.Pid)).ToArray());
        Assert.Equal(Web[..12], running.Single(c => c.Id == Web).Name);
        Assert.Equal(4088, (await source.InspectAsync(Web, TestContext.Current.CancellationToken))?.Pid);
        Assert.Null(await source.InspectAsync(new string('b', 64), TestContext.Current.CancellationToken));
    }

    private static void Process(TempDirectory proc, int pid, string cgroup)
    {
        Directory.CreateDirectory(proc.Combine(pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        File.WriteAllText(proc.Combine(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "cgroup"), cgroup + "\n");
    }
}
