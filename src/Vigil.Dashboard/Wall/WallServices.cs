using Vigil.Core.Scans;

namespace Vigil.Dashboard.Wall;

public static class WallServices
{
    /// <summary>The monitoring wall's shared state, the fleet queries it and the scans report read, and the report exports.</summary>
    public static IServiceCollection AddVigilWall(this IServiceCollection services)
    {
        services.AddSingleton<FleetQueries>();
        services.AddSingleton<Reports.ScanExportLoader>();
        services.AddSingleton<WallState>();
        services.AddHostedService(sp => sp.GetRequiredService<WallState>());
        return services;
    }
}
