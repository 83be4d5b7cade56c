namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>
/// One connector type a plugin provides (<c>provides[]</c> in the manifest). People configure instances of it on the
/// Integrations page with the form rendered from <see cref="Settings"/>; the plugin builds each instance with the
/// <see cref="Connectors.IConnectorFactory{T}"/> it registered under <see cref="Type"/>.
/// </summary>
/// <param name="Kind">One of <see cref="PluginKinds"/>.</param>
/// <param name="Type">Identifier unique within the plugin, e.g. <c>slack</c>; the key of its factory.</param>
/// <param name="Name">Name shown to people, e.g. <c>Slack</c>.</param>
/// <param name="Description">One sentence shown when choosing a type.</param>
/// <param name="Settings">The settings form.</param>
public sealed record ConnectorDeclaration(string Kind, string Type, string Name, string Description, SettingsSchema Settings);
