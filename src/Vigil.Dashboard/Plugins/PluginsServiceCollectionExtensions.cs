using Vigil.Dashboard.Integrations;
using SdkRegistryClient = Vigil.Plugins.Sdk.Registries.IRegistryClient;

namespace Vigil.Dashboard.Plugins;

public static class PluginsServiceCollectionExtensions
{
    /// <summary>The plugin loader and catalog, the host services plugins get, and configured integrations.</summary>
    public static IServiceCollection AddVigilPlugins(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddSingleton<PluginTimeouts>();
        services.AddSingleton<SdkRegistryClient>(_ => new HostRegistryClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
        services.AddSingleton<PluginHostServices>();
        services.AddSingleton<PluginFolderLoader>();
        services.AddSingleton<PluginCatalog>();
        services.AddHostedService<PluginLoaderService>();
        services.AddSingleton<IntegrationSecrets>();
        services.AddSingleton<IntegrationStore>();
        services.AddSingleton<IntegrationService>();
        return services;
    }
}
