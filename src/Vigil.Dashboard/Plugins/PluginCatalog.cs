using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Vigil.Core.Configuration;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Manifest;
using Vigil.Workflows.Descriptors;

namespace Vigil.Dashboard.Plugins;

/// <summary>
/// The installed plugins: every folder under <c>Vigil:Plugins:Directory</c>, loaded once at start-up, each within
/// <see cref="PluginTimeouts.Startup"/>. A plugin that fails is kept with its error and disabled; nothing a plugin does
/// stops the console. Loaded plugins' activities are offered to the workflow engine.
/// </summary>
public sealed class PluginCatalog(
    PluginFolderLoader loader,
    ActivityRegistry activities,
    ConfigRootPath configRoot,
    IOptions<VigilOptions> options,
    PluginTimeouts timeouts,
    ILogger<PluginCatalog> logger)
{
    private ImmutableArray<InstalledPlugin> _plugins = [];

    /// <summary>The plugins folder, absolute.</summary>
    public string Directory => configRoot.Resolve(options.Value.Plugins.Directory);

    /// <summary>Every installed plugin, ordered by id.</summary>
    public IReadOnlyList<InstalledPlugin> Plugins => _plugins;

    public InstalledPlugin? Find(string id) => _plugins.FirstOrDefault(p => p.Id == id);

    /// <summary>The declaration of a loaded plugin's connector type, or null.</summary>
    public ConnectorDeclaration? FindConnector(string pluginId, string connectorType) =>
        Find(pluginId)?.Manifest?.Provides.FirstOrDefault(d => d.Type == connectorType);

    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        var folders = System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateDirectories(Directory).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (folders.Length == 0)
        {
            logger.LogWarning("No plugins in {Directory}: build the solution (dotnet build) to produce the built-in ones", Directory);
        }

        var loaded = new List<InstalledPlugin>();
        foreach (var folder in folders)
        {
            var plugin = await LoadWithTimeoutAsync(folder, cancellationToken);
            if (plugin.State == PluginState.Loaded && loaded.Any(p => p.Id == plugin.Id && p.State == PluginState.Loaded))
            {
                plugin = InstalledPlugin.Failed(folder, plugin.Manifest, $"another folder already provides plugin '{plugin.Id}'");
            }

            plugin = plugin.State == PluginState.Loaded ? OfferActivities(plugin) : plugin;
            if (plugin.State == PluginState.Loaded)
            {
                logger.LogInformation("Plugin {Plugin} {Version} loaded from {Folder}", plugin.Id, plugin.Manifest!.Version, folder);
            }
            else
            {
                logger.LogWarning("Plugin in {Folder} disabled: {Error}", folder, plugin.Error);
            }

            loaded.Add(plugin);
        }

        _plugins = [.. loaded.OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    private async Task<InstalledPlugin> LoadWithTimeoutAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            return await PluginCalls.RunAsync($"plugin in {Path.GetFileName(folder)}", timeouts.Startup, _ => Task.FromResult(loader.Load(folder)), cancellationToken);
        }
        catch (PluginCallException ex)
        {
            return InstalledPlugin.Failed(folder, null, ex.Message.Contains("did not answer", StringComparison.Ordinal)
                ? $"did not start within {timeouts.Startup.TotalSeconds:0} s"
                : ex.Message);
        }
    }

    private InstalledPlugin OfferActivities(InstalledPlugin plugin)
    {
        try
        {
            foreach (var activity in plugin.Services!.GetServices<PluginActivity>())
            {
                activities.Register(activity.ActivityType, plugin.Services!);
            }

            return plugin;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return InstalledPlugin.Failed(plugin.Folder, plugin.Manifest, $"activity rejected: {ex.Message}");
        }
    }
}
