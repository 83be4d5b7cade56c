using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Plugins;

/// <summary>A plugin folder as the console found it: its manifest when readable, whether it loaded and why not.</summary>
public sealed class InstalledPlugin
{
    private InstalledPlugin(string folder, PluginManifest? manifest, PluginState state, string? error, IServiceProvider? services)
    {
        Folder = folder;
        Manifest = manifest;
        State = state;
        Error = error;
        Services = services;
    }

    /// <summary>The plugin's id: the manifest's, else the folder name.</summary>
    public string Id => Manifest?.Id ?? System.IO.Path.GetFileName(Folder);

    public string Folder { get; }

    public PluginManifest? Manifest { get; }

    public PluginState State { get; }

    /// <summary>Why the plugin is disabled; null when loaded.</summary>
    public string? Error { get; }

    /// <summary>The plugin's own service provider (its factories and activities); null unless loaded.</summary>
    internal IServiceProvider? Services { get; }

    public static InstalledPlugin Loaded(string folder, PluginManifest manifest, IServiceProvider services) =>
        new(folder, manifest, PluginState.Loaded, null, services);

    public static InstalledPlugin Failed(string folder, PluginManifest? manifest, string error) =>
        new(folder, manifest, PluginState.Failed, error, null);
}
