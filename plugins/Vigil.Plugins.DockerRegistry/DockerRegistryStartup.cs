using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry;

/// <summary>Registers the registry connector factory.</summary>
public sealed class DockerRegistryStartup : IPluginStartup
{
    /// <summary>The connector type of the manifest.</summary>
    public const string ConnectorType = "docker-registry";

    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services) =>
        services.AddConnectorFactory<IRegistryConnector, DockerRegistryConnectorFactory>(ConnectorType);
}
