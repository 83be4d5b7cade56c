namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>
/// Builds one connector of kind <typeparamref name="T"/> per configured instance ("our Harbor", "prod AWS account").
/// Register it in <see cref="IPluginStartup.ConfigureServices"/> with
/// <see cref="ConnectorServiceCollectionExtensions.AddConnectorFactory{TConnector, TFactory}"/> under the connector
/// type its manifest declares. The factory is a singleton of the plugin's service provider, so it may take host
/// services (<c>ILogger&lt;T&gt;</c>, <c>IHttpClientFactory</c>, <see cref="Registries.IRegistryClient"/>) in its constructor.
/// </summary>
/// <typeparam name="T"><see cref="Registries.IRegistryConnector"/>, <see cref="Cloud.ICloudProvider"/> or
/// <see cref="Notifications.INotificationChannel"/>.</typeparam>
public interface IConnectorFactory<out T>
    where T : class, IConnector
{
    /// <summary>
    /// Builds a connector from an instance's settings (validated against the manifest's schema, secrets decrypted).
    /// Do no I/O here: building must be fast and never fail for a reachable-or-not remote; throw
    /// <see cref="ConnectorSettingsException"/> only for settings the schema cannot express as invalid.
    /// </summary>
    T Create(ConnectorSettings settings);
}
