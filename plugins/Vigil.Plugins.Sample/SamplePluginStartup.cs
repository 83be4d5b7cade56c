using Microsoft.Extensions.DependencyInjection;
using Vigil.Plugins.Sdk;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Plugins.Sample;

/// <summary>Registers the plugin's one connector type under the <c>type</c> its manifest declares.</summary>
public sealed class SamplePluginStartup : IPluginStartup
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services) =>
        services.AddConnectorFactory<INotificationChannel, JsonLinesChannelFactory>("jsonl-file");
}
