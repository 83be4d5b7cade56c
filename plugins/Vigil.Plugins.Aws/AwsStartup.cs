using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Aws;

/// <summary>Registers the EC2 connector.</summary>
public sealed class AwsStartup : IPluginStartup
{
    public void ConfigureServices(IServiceCollection services) =>
        services.AddConnectorFactory<ICloudProvider, Ec2Factory>("ec2");
}
