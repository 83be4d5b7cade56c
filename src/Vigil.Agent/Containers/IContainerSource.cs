namespace Vigil.Agent.Containers;

/// <summary>Where the agent learns the host's running containers: a Docker Engine API socket, or containerd's cgroups in /proc.</summary>
public interface IContainerSource
{
    /// <summary>What the logs call this source (a socket path, /proc).</summary>
    string Description { get; }

    Task<IReadOnlyList<RunningContainer>> RunningAsync(CancellationToken cancellationToken);

    /// <summary>One container if it still runs, with its current init pid; null when gone.</summary>
    Task<RunningContainer?> InspectAsync(string id, CancellationToken cancellationToken);
}
