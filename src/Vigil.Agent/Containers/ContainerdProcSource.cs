using System.Text.RegularExpressions;

namespace Vigil.Agent.Containers;

/// <summary>
/// containerd's containers found without its gRPC API: every process's cgroup names the container it belongs to
/// (<c>/default/&lt;id&gt;</c> or <c>/k8s.io/&lt;id&gt;</c> under cgroupfs, <c>cri-containerd-&lt;id&gt;.scope</c> under
/// systemd), and the lowest pid of a container is its init process, whose root is the container's filesystem. Names
/// and images are not in /proc: a container is named by its short id.
/// </summary>
public sealed partial class ContainerdProcSource(string procRoot = "/proc") : IContainerSource
{
    public string Description => $"containerd cgroups in {procRoot}";

    public Task<IReadOnlyList<RunningContainer>> RunningAsync(CancellationToken cancellationToken)
    {
        var inits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories(procRoot))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || ContainerOf(Path.Combine(directory, "cgroup")) is not { } id)
            {
                continue;
            }

            inits[id] = inits.TryGetValue(id, out var known) ? Math.Min(known, pid) : pid;
        }

        IReadOnlyList<RunningContainer> running = inits.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new RunningContainer(c.Key, c.Key[..12], "", null, "running", c.Value, null, new Dictionary<string, string>()))
            .ToList();
        return Task.FromResult(running);
    }

    public async Task<RunningContainer?> InspectAsync(string id, CancellationToken cancellationToken) =>
        (await RunningAsync(cancellationToken)).FirstOrDefault(c => c.Id == id);

    /// <summary>The containerd container a process's cgroup file names, or null (a host process, or gone meanwhile).</summary>
    public static string? ContainerOf(string cgroupFile)
    {
        try
        {
            foreach (var line in File.ReadLines(cgroupFile))
            {
                if (ContainerdCgroup().Match(line) is { Success: true } match)
                {
                    return match.Groups["id"].Value;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process ended while we read.
        }

        return null;
    }

    [GeneratedRegex(@"(?:/(?:default|k8s\.io|moby)/|cri-containerd-)(?<id>[0-9a-f]{64})(?:\.scope)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerdCgroup();
}
