namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>
/// A plugin's <c>vigil-plugin.json</c>: who it is, which SDK versions it was built for and which connectors it provides.
/// The console reads it before loading any of the plugin's assemblies. Parse one with <see cref="PluginManifestReader"/>.
/// </summary>
/// <param name="Id">Stable, unique id in reverse-domain or dotted form, e.g. <c>acme.harbor</c>; also the folder name.</param>
/// <param name="Name">Name shown to people.</param>
/// <param name="Version">The plugin's own version (semantic, e.g. <c>1.4.0</c>).</param>
/// <param name="Sdk">SDK versions the plugin accepts.</param>
/// <param name="Assembly">File name of the assembly holding the <see cref="IPluginStartup"/> class.</param>
/// <param name="Description">One or two sentences shown on the Integrations page.</param>
/// <param name="Provides">Connector types the plugin provides; empty for a plugin that contributes only workflow activities.</param>
public sealed record PluginManifest(
    string Id,
    string Name,
    string Version,
    SdkVersionRange Sdk,
    string Assembly,
    string Description,
    IReadOnlyList<ConnectorDeclaration> Provides)
{
    /// <summary>The file name the console looks for in each plugin folder.</summary>
    public const string FileName = "vigil-plugin.json";
}
