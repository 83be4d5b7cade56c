using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.LocalFleet;

/// <summary>Registers the local-fleet connector and its Launch instances activity.</summary>
public sealed class LocalFleetStartup : IPluginStartup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<FleetRegistry>();
        services.AddSingleton<LocalFleetFactory>();
        services.AddConnectorFactory<ICloudProvider, LocalFleetFactory>("local-fleet");
        services.AddWorkflowActivity<LaunchInstancesActivity>();
    }
}
