using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Aws;

/// <summary>Builds an <see cref="Ec2Provider"/> per configured account and region (no I/O: credentials resolve on first call).</summary>
public sealed class Ec2Factory : IConnectorFactory<ICloudProvider>
{
    public ICloudProvider Create(ConnectorSettings settings) => new Ec2Provider(Ec2Options.From(settings));
}
