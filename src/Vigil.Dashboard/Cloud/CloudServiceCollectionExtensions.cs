namespace Vigil.Dashboard.Cloud;

public static class CloudServiceCollectionExtensions
{
    /// <summary>Node removal through cloud integrations: resolving nodes to instances, removals and their retries.</summary>
    public static IServiceCollection AddVigilCloud(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CloudOptions>(configuration.GetSection("Vigil:Cloud"));
        services.AddSingleton<CloudNodeResolver>();
        services.AddSingleton<CloudRemovalStore>();
        services.AddSingleton<CloudRemovals>();
        services.AddSingleton<CloudInstances>();
        services.AddSingleton<Integrations.IntegrationActions>();
        services.AddHostedService<CloudConnectorWarmUp>();
        services.AddSingleton<CloudRemovalRetrier>();
        services.AddHostedService(sp => sp.GetRequiredService<CloudRemovalRetrier>());
        return services;
    }
}
