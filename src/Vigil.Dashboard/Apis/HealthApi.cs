using Vigil.Dashboard.Hosting;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class HealthApi
{
    public static void MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet("/health", async (HealthReporter health, CancellationToken ct) => TypedResults.Ok(await health.ReportAsync(ct)))
            .WithTags("Health").WithName("GetHealth").WithSummary("Version, uptime, database and schema version, folders");
    }

    /// <summary>Liveness and readiness probes for orchestrators: anonymous, no details beyond a word.</summary>
    public static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok"))
            .WithMetadata(new AnonymousBecauseAttribute("liveness probe for orchestrators"))
            .WithTags("Health").WithName("Liveness");
        endpoints.MapGet("/readyz", async Task<IResult> (HealthReporter health, CancellationToken ct) =>
                await health.IsReadyAsync(ct)
                    ? TypedResults.Text("ready")
                    : TypedResults.Problem("The database is unreachable or not migrated.", statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithMetadata(new AnonymousBecauseAttribute("readiness probe for orchestrators and load balancers"))
            .WithTags("Health").WithName("Readiness");
        return endpoints;
    }
}
