using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Manifest;
using Vigil.Plugins.Sdk.Notifications;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Dashboard.Plugins;

/// <summary>Maps a manifest's connector kind to its SDK contract and finds the plugin's keyed factory for it.</summary>
public static class ConnectorKinds
{
    public static Type Contract(string kind) => kind switch
    {
        PluginKinds.Registry => typeof(IRegistryConnector),
        PluginKinds.Cloud => typeof(ICloudProvider),
        PluginKinds.Notification => typeof(INotificationChannel),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown connector kind"),
    };

    /// <summary>The factory registered for <paramref name="declaration"/>, or null.</summary>
    public static object? Factory(IServiceProvider services, ConnectorDeclaration declaration)
    {
        var factoryType = typeof(IConnectorFactory<>).MakeGenericType(Contract(declaration.Kind));
        return services is IKeyedServiceProvider keyed ? keyed.GetKeyedService(factoryType, declaration.Type) : null;
    }

    /// <summary>Builds a connector through its factory (the factory interface is covariant, so every kind is an <c>IConnectorFactory&lt;IConnector&gt;</c>).</summary>
    public static IConnector Create(IServiceProvider services, ConnectorDeclaration declaration, ConnectorSettings settings) =>
        Factory(services, declaration) is IConnectorFactory<IConnector> factory
            ? factory.Create(settings)
            : throw new InvalidOperationException($"no factory for '{declaration.Type}'");
}
