using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Sdk.Cloud;

/// <summary>
/// A configured cloud account or fleet ("prod AWS account"): maps nodes to instances and acts on them. The console
/// calls only the operations <see cref="Capabilities"/> declares; the others may throw <see cref="NotSupportedException"/>.
/// </summary>
public interface ICloudProvider : IConnector
{
    /// <summary>What this provider can do.</summary>
    CloudCapabilities Capabilities { get; }

    /// <summary>One page of instances, in a stable order; <paramref name="cursor"/> is null for the first page.</summary>
    Task<CloudInstancePage> ListInstancesAsync(string? cursor, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Finds the instance a node runs on from the facts its agent reported, and confirms it exists in this account
    /// (a node claiming an instance id must not act on someone else's instance). Null when it is not one of ours.
    /// </summary>
    Task<CloudInstance?> ResolveInstanceAsync(NodeFacts node, CancellationToken cancellationToken);

    /// <summary>The current state of an instance, or null when it no longer exists.</summary>
    Task<CloudInstance?> DescribeAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Isolates an instance (security groups replaced, node cordoned, tagged) and records why.</summary>
    Task QuarantineAsync(string instanceId, string reason, CancellationToken cancellationToken);

    /// <summary>Stops an instance, keeping its disks.</summary>
    Task StopAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Terminates an instance for good.</summary>
    Task TerminateAsync(string instanceId, CancellationToken cancellationToken);
}
