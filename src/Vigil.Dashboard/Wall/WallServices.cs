using Vigil.Core.Scans;

namespace Vigil.Dashboard.Wall;

public static class WallServices
{
    /// <summary>The monitoring wall's shared state and the fleet queries it and the scans report read.</summary>
    public static IServiceCollection AddVigilWall(this IServiceCollection services)
    {
        services.AddSingleton<FleetQueries>();
        services.AddSingleton<WallState>();
        services.AddHostedService(sp => sp.GetRequiredService<WallState>());
        return services;
    }
}
