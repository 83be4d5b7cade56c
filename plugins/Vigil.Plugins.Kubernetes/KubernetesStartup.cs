using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Kubernetes;

/// <summary>Registers the Kubernetes connector.</summary>
public sealed class KubernetesStartup : IPluginStartup
{
    public void ConfigureServices(IServiceCollection services) =>
        services.AddConnectorFactory<ICloudProvider, KubernetesFactory>("kubernetes");
}
