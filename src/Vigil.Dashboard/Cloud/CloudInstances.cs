using Vigil.Core.Events;
using Vigil.Core.Nodes;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Plugins.Sdk.Cloud;

namespace Vigil.Dashboard.Cloud;

/// <summary>
/// A cloud integration's instances with the nodes they map to, and termination of one by an Admin: through
/// <see cref="CloudRemovals"/> (timeline, audit, retries) when a node maps to it, else directly and audited.
/// </summary>
public sealed class CloudInstances(IntegrationService integrations, NodeInventory inventory, CloudRemovals removals, EventOutbox outbox)
{
    /// <summary>At most this many instances are listed (a page of the integration view, not an inventory).</summary>
    public const int MaxInstances = 500;

    /// <exception cref="KeyNotFoundException">No such integration.</exception>
    /// <exception cref="PluginCallException">The plugin is not loaded, cannot list, or failed.</exception>
    public async Task<IReadOnlyList<CloudInstanceView>> ListAsync(string integrationId, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(integrationId, cancellationToken);
        var nodes = await LiveNodesAsync(cancellationToken);
        var (instances, mapped) = await integrations.UseAsync<ICloudProvider, (List<CloudInstance>, Dictionary<string, Node>)>(stored, async (provider, ct) =>
        {
            if (!provider.Capabilities.HasFlag(CloudCapabilities.List))
            {
                throw new NotSupportedException("this connector cannot list its instances");
            }

            var all = new List<CloudInstance>();
            string? cursor = null;
            do
            {
                var page = await provider.ListInstancesAsync(cursor, 100, ct);
                all.AddRange(page.Items);
                cursor = page.Next;
            }
            while (cursor is not null && all.Count < MaxInstances);

            return (all, await MapAsync(provider, nodes, ct));
        }, "instance list", cancellationToken);
        return instances.Take(MaxInstances)
            .Select(i => new CloudInstanceView(i.Id, i.Name, i.State, i.Location, mapped.GetValueOrDefault(i.Id)?.Id, mapped.GetValueOrDefault(i.Id)?.Name))
            .ToArray();
    }

    /// <summary>Terminates an instance for a person; returns what happened, in a sentence.</summary>
    /// <exception cref="KeyNotFoundException">No such integration.</exception>
    /// <exception cref="PluginCallException">The plugin is not loaded or failed before anything was attempted.</exception>
    public async Task<string> TerminateAsync(string integrationId, string instanceId, string reason, string actor, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(integrationId, cancellationToken);
        var nodes = await LiveNodesAsync(cancellationToken);
        var (instance, node, capabilities) = await integrations.UseAsync<ICloudProvider, (CloudInstance?, Node?, CloudCapabilities)>(stored, async (provider, ct) =>
        {
            var described = await provider.DescribeAsync(instanceId, ct);
            var mapped = described is null ? null : (await MapAsync(provider, nodes, ct)).GetValueOrDefault(described.Id);
            return (described, mapped, provider.Capabilities);
        }, "instance lookup", cancellationToken);
        if (instance is null)
        {
            throw new KeyNotFoundException($"'{stored.Integration.Name}' has no instance '{instanceId}'");
        }

        if (!capabilities.HasFlag(CloudCapabilities.Terminate))
        {
            throw new PluginCallException($"{stored.Integration.Name} cannot terminate instances");
        }

        if (node is not null)
        {
            return await removals.StartAsync(node.Id, new CloudMapping(stored, instance, capabilities), terminate: true, reason, actor, cancellationToken);
        }

        string outcome;
        var success = true;
        try
        {
            outcome = await integrations.UseAsync<ICloudProvider, string>(stored, async (provider, ct) =>
            {
                await provider.TerminateAsync(instance.Id, ct);
                return await provider.DescribeAsync(instance.Id, ct) is { } after ? $"the instance is {after.State}" : "the instance no longer exists";
            }, "terminate", cancellationToken);
        }
        catch (PluginCallException ex)
        {
            (outcome, success) = (ex.Message, false);
        }

        await outbox.PublishAsync(new CloudInstanceTerminated(actor, stored.Integration.Id, stored.Integration.Name, instance.Id, reason, success, outcome), cancellationToken);
        return success ? $"Instance {instance.Id} terminated via {stored.Integration.Name}: {outcome}." : $"Instance {instance.Id} could not be terminated: {outcome}.";
    }

    /// <summary>Which instance each node runs on, as the provider confirms it (one resolve per live node).</summary>
    private static async Task<Dictionary<string, Node>> MapAsync(ICloudProvider provider, IReadOnlyList<Node> nodes, CancellationToken cancellationToken)
    {
        var mapped = new Dictionary<string, Node>(StringComparer.Ordinal);
        if (!provider.Capabilities.HasFlag(CloudCapabilities.Describe))
        {
            return mapped;
        }

        foreach (var node in nodes)
        {
            if (await provider.ResolveInstanceAsync(CloudNodeResolver.FactsOf(node), cancellationToken) is { } instance)
            {
                mapped.TryAdd(instance.Id, node);
            }
        }

        return mapped;
    }

    private async Task<IReadOnlyList<Node>> LiveNodesAsync(CancellationToken cancellationToken) =>
        (await inventory.ListAsync(new NodeQuery(Take: NodeQuery.MaxTake), cancellationToken)).Items.Where(n => n.Status != NodeStatus.Removed).ToArray();

    private async Task<StoredIntegration> StoredAsync(string integrationId, CancellationToken cancellationToken) =>
        await integrations.GetWithSecretsAsync(integrationId, cancellationToken) is { Integration.Kind: Vigil.Plugins.Sdk.Manifest.PluginKinds.Cloud } stored
            ? stored
            : throw new KeyNotFoundException($"no cloud integration '{integrationId}'");
}
