using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Core.Scans;

public static class ScanServiceCollectionExtensions
{
    /// <summary>Scan storage, results, triage, pushed nodes and the sweeper (<c>Vigil:Scans</c> options).</summary>
    public static IServiceCollection AddVigilScanStorage(this IServiceCollection services)
    {
        services.AddOptions<ScanOptions>().BindConfiguration(ScanOptions.SectionName);
        services.AddSingleton<ScanStore>();
        services.AddSingleton<ScanResults>();
        services.AddSingleton<TriageStore>();
        services.AddSingleton<PushedNodes>();
        services.AddHostedService<ScanSweeper>();
        return services;
    }
}
