using Vigil.Core.Events;
using Vigil.Core.Scans;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Scans;

public static class ScanConsoleServices
{
    /// <summary>Scan storage and lifecycle, dispatch to agents, SBOM intake, matching and continuous assessment.</summary>
    public static IServiceCollection AddVigilScans(this IServiceCollection services)
    {
        services.AddVigilScanStorage();
        services.AddSingleton<ScanDispatcher>();
        services.AddSingleton<IScanService>(sp => sp.GetRequiredService<ScanDispatcher>());
        services.AddSingleton<SbomIntake>();
        services.AddSingleton<SbomAcceptance>();
        services.AddSingleton<ScanMatchQueue>();
        services.AddHostedService<ScanMatchWorker>();
        services.AddSingleton<IDomainEventSubscriber, ContinuousAssessment>();
        return services;
    }
}
