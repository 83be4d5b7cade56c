using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Core.Agents;
using Vigil.Plugins.Sdk.Hosting;
using SdkRegistryClient = Vigil.Plugins.Sdk.Registries.IRegistryClient;

namespace Vigil.Dashboard.Plugins;

/// <summary>
/// The host services a plugin may ask for (contracts §9), put into each plugin's own service collection: the registry
/// client, enrollment tokens in the plugin's name, logging, <c>IHttpClientFactory</c> and the clock. Nothing else of
/// the console is reachable from a plugin.
/// </summary>
public sealed class PluginHostServices(
    ILoggerFactory loggerFactory,
    IHttpClientFactory httpClientFactory,
    SdkRegistryClient registryClient,
    EnrollmentTokenService enrollmentTokens,
    TimeProvider time)
{
    public IServiceCollection CreateCollection(string pluginId)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddSingleton(httpClientFactory);
        services.AddSingleton(registryClient);
        services.AddSingleton<IEnrollmentTokens>(new HostEnrollmentTokens(enrollmentTokens, time, pluginId));
        services.AddSingleton(time);
        return services;
    }
}
