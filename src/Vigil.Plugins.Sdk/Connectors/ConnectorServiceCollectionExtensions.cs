using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Plugins.Sdk.Activities;

namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>Registrations a plugin makes in <see cref="IPluginStartup.ConfigureServices"/>.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the factory of connector type <paramref name="connectorType"/> (the <c>provides[].type</c> of the
    /// manifest) as a keyed singleton.
    /// </summary>
    public static IServiceCollection AddConnectorFactory<TConnector, TFactory>(this IServiceCollection services, string connectorType)
        where TConnector : class, IConnector
        where TFactory : class, IConnectorFactory<TConnector>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectorType);
        services.TryAddKeyedSingleton<IConnectorFactory<TConnector>, TFactory>(connectorType);
        return services;
    }

    /// <summary>
    /// Contributes a workflow activity (a class implementing <see cref="IWorkflowActivity"/> with an
    /// <see cref="ActivityAttribute"/>). It is created per execution from the plugin's service provider.
    /// </summary>
    public static IServiceCollection AddWorkflowActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, IWorkflowActivity
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddTransient<TActivity>();
        services.AddSingleton(new PluginActivity(typeof(TActivity)));
        return services;
    }
}
