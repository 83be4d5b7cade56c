using Microsoft.Extensions.Options;
using Vigil.Core.Configuration;
using Vigil.Scanning.Registry;

namespace Vigil.Dashboard.Registries;

public static class RegistryServices
{
    /// <summary>Registry images as nodes, scan-now for registries, and the console's bounded image-scan worker.</summary>
    public static IServiceCollection AddVigilRegistries(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName);
        services.AddSingleton<RegistryImageStore>();
        services.AddSingleton<RegistryScans>();
        services.AddSingleton<RegistryViews>();
        services.AddSingleton<RegistryScanQueue>();
        services.AddSingleton<RegistryHttpHandler>();
        services.AddSingleton(sp => new BlobCache(sp.GetRequiredService<DataDirectory>().Combine("registry-blobs"), sp.GetRequiredService<IOptions<RegistryOptions>>().Value.BlobCacheBytes));
        services.AddSingleton<ScannerAgents>();
        services.AddSingleton<RegistryImageScanner>();
        services.AddSingleton<RegistryScanWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistryScanWorker>());
        return services;
    }
}
