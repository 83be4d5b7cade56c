using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Plugins;

/// <summary>An installed plugin as the API and the Integrations page show it.</summary>
public sealed record PluginView(
    string Id,
    string? Name,
    string? Version,
    string? Sdk,
    string? Description,
    string Folder,
    PluginState State,
    string? Error,
    IReadOnlyList<ConnectorDeclaration> Connectors)
{
    public static PluginView From(InstalledPlugin plugin) => new(
        plugin.Id,
        plugin.Manifest?.Name,
        plugin.Manifest?.Version,
        plugin.Manifest?.Sdk.Text,
        plugin.Manifest?.Description,
        Path.GetFileName(plugin.Folder),
        plugin.State,
        plugin.Error,
        plugin.Manifest?.Provides ?? []);
}
