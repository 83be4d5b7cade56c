using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Kubernetes;

/// <summary>Builds a <see cref="KubernetesProvider"/> per configured cluster.</summary>
public sealed class KubernetesFactory : IConnectorFactory<ICloudProvider>
{
    public ICloudProvider Create(ConnectorSettings settings) => new KubernetesProvider(KubernetesOptions.From(settings));
}
