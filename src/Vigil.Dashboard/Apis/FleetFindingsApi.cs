using Vigil.Core.Scans;

namespace Vigil.Dashboard.Apis;

/// <summary>Current findings across the fleet: which nodes have a given advisory.</summary>
public static class FleetFindingsApi
{
    public const int MaxTake = 500;

    public static void MapFleetFindingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/findings", List).WithTags("Scans").WithName("ListFleetFindings")
            .WithSummary("The nodes whose current findings include advisory= (primary id or alias such as a CVE id, any case), worst first, with triage, paged");
    }

    private static async Task<Results<Ok<ItemsPage<FleetFinding>>, ValidationProblem>> List(string? advisory, int? skip, int? take, FleetQueries fleet, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(advisory) || advisory.Trim().Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["advisory"] = ["Give the advisory id or alias to look for, e.g. advisory=CVE-2021-23337 (at most 200 characters)."] });
        }

        if (take is < 1 or > MaxTake)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"Take between 1 and {MaxTake}."] });
        }

        var page = await fleet.NodesWithAdvisoryAsync(advisory, Math.Max(0, skip ?? 0), take ?? 100, cancellationToken);
        return TypedResults.Ok(new ItemsPage<FleetFinding>(page.Items, page.Total));
    }
}
