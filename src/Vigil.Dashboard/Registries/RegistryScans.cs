using Vigil.Core.Scans;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Plugins.Sdk.Manifest;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Dashboard.Registries;

/// <summary>
/// "Scan now" for a registry, some repositories or some tags: lists them through the registry's plugin (honouring its
/// tag filters), makes each tag an image node, queues one scan per node (never a duplicate of an active one) and
/// hands new scans to the <see cref="RegistryScanWorker"/>.
/// </summary>
public sealed class RegistryScans(IntegrationService integrations, RegistryImageStore images, ScanStore scans, RegistryScanQueue queue)
{
    /// <summary>Most repositories and tags read for one request, so a runaway registry cannot exhaust the console.</summary>
    public const int MaxImages = 10_000;
    private const int ListPage = 200;

    /// <exception cref="RegistryScanException">Unknown registry (404), bad selection (400), the plugin failed (502).</exception>
    public async Task<IReadOnlyList<Scan>> RequestAsync(string integrationId, RegistryScanSelection selection, string requestedBy, CancellationToken cancellationToken = default)
    {
        if (selection.Problem() is { } problem)
        {
            throw new RegistryScanException(StatusCodes.Status400BadRequest, problem);
        }

        var stored = await RegistryAsync(integrationId, cancellationToken);
        var tags = await SelectTagsAsync(stored, selection, cancellationToken);
        var started = new List<Scan>();
        foreach (var tag in tags)
        {
            var image = await images.EnsureAsync(integrationId, stored.Integration.Name, tag, cancellationToken);
            if (await scans.QueueAsync(image.NodeId, requestedBy, cancellationToken: cancellationToken) is not { } request)
            {
                continue;
            }

            if (request.Created)
            {
                queue.Enqueue(new RegistryScanJob(request.Scan.Id, image, selection.Force));
            }

            started.Add(request.Scan);
        }

        return started;
    }

    /// <summary>Scans the image node <paramref name="nodeId"/> again at the digest its tag points at now; null when it is no registry image.</summary>
    public async Task<Scan?> RescanNodeAsync(string nodeId, string requestedBy, CancellationToken cancellationToken = default)
    {
        if (await images.GetAsync(nodeId, cancellationToken) is not { } image)
        {
            return null;
        }

        try
        {
            var started = await RequestAsync(image.IntegrationId, new RegistryScanSelection(Repository: image.Repository, Tags: [image.Tag]), requestedBy, cancellationToken);
            return started.FirstOrDefault(s => s.NodeId == nodeId);
        }
        catch (RegistryScanException ex)
        {
            // The tag is gone, the registry or its plugin failed: a failed scan that says why, like any other.
            if (await scans.QueueAsync(nodeId, requestedBy, cancellationToken: cancellationToken) is not { } request)
            {
                return null;
            }

            if (request.Created)
            {
                await scans.FailAsync(request.Scan.Id, ScanFailures.ImageNotPulled(ex.Message), cancellationToken);
            }

            return await scans.GetAsync(request.Scan.Id, cancellationToken);
        }
    }

    /// <summary>The registry integration with its secrets, or 404.</summary>
    public async Task<StoredIntegration> RegistryAsync(string integrationId, CancellationToken cancellationToken)
    {
        var stored = await integrations.GetWithSecretsAsync(integrationId, cancellationToken);
        return stored is { Integration.Kind: PluginKinds.Registry }
            ? stored
            : throw new RegistryScanException(StatusCodes.Status404NotFound, $"No registry integration '{integrationId}'.");
    }

    /// <summary>One page of the registry's repositories, through the plugin.</summary>
    public Task<RegistryPage<RegistryRepository>> RepositoriesPageAsync(StoredIntegration stored, string? cursor, int take, CancellationToken cancellationToken) =>
        UseAsync(stored, "repository listing", (c, ct) => c.ListRepositoriesAsync(cursor, take, ct), cancellationToken);

    /// <summary>Every repository of the registry, through the plugin.</summary>
    public async Task<IReadOnlyList<RegistryRepository>> AllRepositoriesAsync(StoredIntegration stored, CancellationToken cancellationToken)
    {
        var all = new List<RegistryRepository>();
        string? cursor = null;
        do
        {
            var page = await UseAsync(stored, "repository listing", (c, ct) => c.ListRepositoriesAsync(cursor, ListPage, ct), cancellationToken);
            all.AddRange(page.Items);
            cursor = page.Items.Count == 0 ? null : page.Next;
        }
        while (cursor is not null && all.Count < MaxImages);

        return all;
    }

    /// <summary>Every tag of <paramref name="repository"/> that passes the plugin's tag filters, newest first.</summary>
    public async Task<IReadOnlyList<RegistryImageTag>> AllTagsAsync(StoredIntegration stored, string repository, CancellationToken cancellationToken)
    {
        var all = new List<RegistryImageTag>();
        string? cursor = null;
        do
        {
            var page = await UseAsync(stored, "tag listing", (c, ct) => c.ListTagsAsync(repository, cursor, ListPage, ct), cancellationToken);
            all.AddRange(page.Items);
            cursor = page.Items.Count == 0 ? null : page.Next;
        }
        while (cursor is not null && all.Count < MaxImages);

        return all;
    }

    private async Task<IReadOnlyList<RegistryImageTag>> SelectTagsAsync(StoredIntegration stored, RegistryScanSelection selection, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(selection.Repository))
        {
            var tags = await AllTagsAsync(stored, selection.Repository.Trim(), cancellationToken);
            if (selection.Tags is not { Count: > 0 } wanted)
            {
                return tags;
            }

            var missing = wanted.Except(tags.Select(t => t.Tag), StringComparer.Ordinal).ToList();
            return missing.Count == 0
                ? tags.Where(t => wanted.Contains(t.Tag, StringComparer.Ordinal)).ToList()
                : throw new RegistryScanException(StatusCodes.Status400BadRequest,
                    $"{selection.Repository} has no tag {string.Join(", ", missing)} (or the integration's tag filters leave it out).");
        }

        var repositories = selection.Repositories is { Count: > 0 } named
            ? named.Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList()
            : (await AllRepositoriesAsync(stored, cancellationToken)).Select(r => r.Name).ToList();
        var all = new List<RegistryImageTag>();
        foreach (var repository in repositories)
        {
            all.AddRange(await AllTagsAsync(stored, repository, cancellationToken));
            if (all.Count >= MaxImages)
            {
                break;
            }
        }

        return all.Take(MaxImages).ToList();
    }

    private async Task<T> UseAsync<T>(StoredIntegration stored, string what, Func<IRegistryConnector, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await integrations.UseAsync(stored, call, what, cancellationToken);
        }
        catch (PluginCallException ex)
        {
            throw new RegistryScanException(StatusCodes.Status502BadGateway, ex.Message);
        }
    }
}
