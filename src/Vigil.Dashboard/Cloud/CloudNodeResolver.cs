using Vigil.Core.Nodes;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Cloud;

/// <summary>
/// Which configured cloud integration manages a node: each is asked to resolve the node's facts to one of its
/// instances (and so confirm it); the first that does wins. A failing integration is skipped, with its reason kept.
/// </summary>
public sealed class CloudNodeResolver(IntegrationStore store, IntegrationService integrations, NodeInventory inventory, ILogger<CloudNodeResolver> logger)
{
    private static readonly System.Text.Json.JsonElement EmptyFacts = System.Text.Json.JsonDocument.Parse("{}").RootElement;

    /// <summary>The configured cloud integrations.</summary>
    public async Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).Where(i => i.Kind == PluginKinds.Cloud).ToArray();

    /// <summary>What a cloud provider is told about a node to resolve it.</summary>
    public static NodeFacts FactsOf(Node node) => new(node.Id, node.Name, node.Labels, node.Facts ?? EmptyFacts);

    /// <summary>The confirmed mapping, or null with what was tried.</summary>
    /// <exception cref="KeyNotFoundException">No such node.</exception>
    public async Task<(CloudMapping? Mapping, IReadOnlyList<string> Tried)> ResolveAsync(string nodeId, CancellationToken cancellationToken)
    {
        var node = await inventory.GetAsync(nodeId, cancellationToken) ?? throw new KeyNotFoundException($"No node with id '{nodeId}'.");
        var facts = FactsOf(node);
        var tried = new List<string>();
        foreach (var integration in await ListAsync(cancellationToken))
        {
            if (await integrations.GetWithSecretsAsync(integration.Id, cancellationToken) is not { } stored)
            {
                continue;
            }

            try
            {
                var (instance, capabilities) = await integrations.UseAsync<ICloudProvider, (CloudInstance?, CloudCapabilities)>(
                    stored,
                    async (provider, ct) => provider.Capabilities.HasFlag(CloudCapabilities.Describe)
                        ? (await provider.ResolveInstanceAsync(facts, ct), provider.Capabilities)
                        : (null, provider.Capabilities),
                    "instance lookup",
                    cancellationToken);
                if (instance is not null)
                {
                    return (new CloudMapping(stored, instance, capabilities), tried);
                }

                tried.Add($"{integration.Name}: not one of its instances");
            }
            catch (PluginCallException ex)
            {
                logger.LogWarning("Cloud integration {Integration} could not resolve node {Node}: {Error}", integration.Name, node.Name, ex.Message);
                tried.Add($"{integration.Name}: {ex.Message}");
            }
        }

        return (null, tried);
    }
}
