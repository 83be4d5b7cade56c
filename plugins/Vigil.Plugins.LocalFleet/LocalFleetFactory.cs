using Microsoft.Extensions.Logging;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Hosting;

namespace Vigil.Plugins.LocalFleet;

/// <summary>Builds a <see cref="LocalFleetProvider"/> per configured fleet and remembers the fleet for the Launch activity.</summary>
public sealed class LocalFleetFactory(IEnrollmentTokens tokens, FleetRegistry registry, ILoggerFactory loggers) : IConnectorFactory<ICloudProvider>
{
    public ICloudProvider Create(ConnectorSettings settings) => Create(Remember(FleetOptions.From(settings)));

    public LocalFleetProvider Create(FleetOptions options) => new(options, tokens, loggers.CreateLogger<LocalFleetProvider>());

    private FleetOptions Remember(FleetOptions options)
    {
        registry.Remember(options);
        return options;
    }
}
