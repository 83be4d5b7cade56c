using Vigil.Core.Scans;
using Vigil.Dashboard.Integrations;
using Vigil.Plugins.Sdk.Manifest;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Dashboard.Registries;

/// <summary>A configured registry and how many of its images are nodes.</summary>
public sealed record RegistrySummary(string Id, string Name, string PluginId, int Images);

/// <summary>A repository as the Registries page lists it: the plugin's listing and how many of its tags are image nodes.</summary>
public sealed record RepositoryView(string Name, string Image, int Images);

/// <summary>A tag with its image node and the node's latest scan, when it has been scanned.</summary>
public sealed record TagView(string Tag, string Digest, DateTimeOffset? PushedAt, string Image, string? NodeId, Scan? LastScan);

/// <summary>What the Registries page and API show: the plugin's listings joined with the image nodes and their scans.</summary>
public sealed class RegistryViews(IntegrationStore integrations, RegistryImageStore images, RegistryScans registryScans, ScanStore scans)
{
    public async Task<IReadOnlyList<RegistrySummary>> RegistriesAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<RegistrySummary>();
        foreach (var integration in (await integrations.ListAsync(cancellationToken)).Where(i => i.Kind == PluginKinds.Registry))
        {
            result.Add(new RegistrySummary(integration.Id, integration.Name, integration.PluginId, await ImageCountAsync(integration.Id, cancellationToken)));
        }

        return result;
    }

    /// <summary>The registry's images Vigil has scanned or queued for a scan (its image nodes).</summary>
    public async Task<int> ImageCountAsync(string integrationId, CancellationToken cancellationToken = default) =>
        (await images.ListAsync(integrationId, null, cancellationToken)).Count;

    /// <exception cref="RegistryScanException">Unknown registry (404) or the plugin failed (502).</exception>
    public async Task<RegistryPage<RepositoryView>> RepositoriesAsync(string integrationId, string? cursor, int take, CancellationToken cancellationToken = default)
    {
        var stored = await registryScans.RegistryAsync(integrationId, cancellationToken);
        var page = await registryScans.RepositoriesPageAsync(stored, cursor, take, cancellationToken);
        var known = (await images.ListAsync(integrationId, null, cancellationToken)).GroupBy(i => i.Repository).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new RegistryPage<RepositoryView>(page.Items.Select(r => new RepositoryView(r.Name, r.Image, known.GetValueOrDefault(r.Name))).ToList(), page.Next);
    }

    /// <exception cref="RegistryScanException">Unknown registry (404) or the plugin failed (502).</exception>
    public async Task<IReadOnlyList<TagView>> TagsAsync(string integrationId, string repository, CancellationToken cancellationToken = default)
    {
        var stored = await registryScans.RegistryAsync(integrationId, cancellationToken);
        var tags = await registryScans.AllTagsAsync(stored, repository, cancellationToken);
        var nodes = (await images.ListAsync(integrationId, repository, cancellationToken)).ToDictionary(i => i.Tag, i => i.NodeId, StringComparer.Ordinal);
        var latest = await scans.LatestOfNodesAsync(nodes.Values.ToList(), cancellationToken);
        return tags.Select(t =>
        {
            var nodeId = nodes.GetValueOrDefault(t.Tag);
            return new TagView(t.Tag, t.Digest, t.PushedAt, t.Image, nodeId, nodeId is null ? null : latest.GetValueOrDefault(nodeId));
        }).ToList();
    }
}
