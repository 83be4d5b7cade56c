using System.Security.Claims;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;
using Vigil.Dashboard.Scans;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

public static class ScansApi
{
    /// <summary>Most nodes one filter request may scan.</summary>
    public const int MaxNodesPerRequest = 10_000;

    /// <summary><c>{"nodeIds":[...]}</c> or <c>{"filter":{type,status,label,search}}</c>.</summary>
    public sealed record ScanRequestBody(IReadOnlyList<string>? NodeIds, NodeFilter? Filter);

    public sealed record NodeFilter(string? Type, string? Status, string? Label, string? Search);

    public sealed record ScanRef(string Id, string NodeId, ScanStatus Status);

    public sealed record ScansAccepted(IReadOnlyList<ScanRef> Scans);

    public static void MapScansApi(this RouteGroupBuilder api)
    {
        var scans = api.MapGroup("/scans").WithTags("Scans");
        scans.MapPost("/", Request).RequireAuthorization(AccessPolicies.Operate).WithName("StartScans")
            .WithSummary("Scan nodes by id or by filter; a node already being scanned answers with its running scan, never a duplicate");
        scans.MapGet("/", List).WithName("ListScans").WithSummary("Scans, newest first, filtered by node and status, paged");
        scans.MapGet("/{id}", Get).WithName("GetScan").WithSummary("One scan: status, stage, progress, error and summary by severity");
        scans.MapGet("/{id}/findings", Findings).WithName("ListScanFindings")
            .WithSummary("A scan's findings, worst first, filtered by severity, package and search (advisory id, CVE alias or package), paged");
        scans.MapGet("/{id}/sbom", Sbom).WithName("GetScanSbom").WithSummary("The scan's CycloneDX SBOM")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.cyclonedx+json");
        scans.MapPost("/{id}/cancel", Cancel).RequireAuthorization(AccessPolicies.Operate).WithName("CancelScan")
            .WithSummary("Cancel a queued or running scan; its agent stops the SBOM build");
    }

    private static async Task<Results<Accepted<ScansAccepted>, ValidationProblem>> Request(
        ScanRequestBody? body, ScanDispatcher dispatcher, NodeInventory inventory, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> nodeIds;
        if (body?.NodeIds is { Count: > 0 } ids && body.Filter is null)
        {
            nodeIds = ids;
        }
        else if (body?.Filter is { } filter && body.NodeIds is null or { Count: 0 })
        {
            var errors = NodeFilters.Parse(filter.Type, filter.Status, out var type, out var status);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary(e => "filter." + e.Key, e => e.Value));
            }

            nodeIds = await MatchingNodesAsync(inventory, new NodeQuery(type, status, filter.Label, filter.Search), cancellationToken);
        }
        else
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nodeIds"] = ["Give either nodeIds (a non-empty list) or filter, not both."] });
        }

        var scans = await dispatcher.RequestAsync(nodeIds, caller.ActorName(), cancellationToken);
        return TypedResults.Accepted($"{VigilApi.Prefix}/scans", new ScansAccepted(scans.Select(s => new ScanRef(s.Id, s.NodeId, s.Status)).ToList()));
    }

    private static async Task<Results<Ok<ItemsPage<Scan>>, ValidationProblem>> List(ScanStore store, string? nodeId, string? status, int? skip, int? take, CancellationToken cancellationToken)
    {
        ScanStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<ScanStatus>(status, ignoreCase: true, out var value) || int.TryParse(status, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Use queued, running, complete, failed or cancelled."] });
            }

            parsed = value;
        }

        if (take is < 1 or > ScanQuery.MaxTake)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"Take between 1 and {ScanQuery.MaxTake}."] });
        }

        var page = await store.ListAsync(new ScanQuery(nodeId, parsed, Math.Max(0, skip ?? 0), take ?? 50), cancellationToken: cancellationToken);
        return TypedResults.Ok(new ItemsPage<Scan>(page.Items, page.Total));
    }

    private static async Task<Results<Ok<Scan>, NotFound>> Get(string id, ScanStore store) =>
        await store.GetAsync(id) is { } scan ? TypedResults.Ok(scan) : TypedResults.NotFound();

    private static async Task<Results<Ok<ItemsPage<FindingRecord>>, NotFound, ValidationProblem>> Findings(
        string id, ScanStore store, ScanResults results, string? severity, string? package, string? search, int? skip, int? take)
    {
        if (await store.GetAsync(id) is null)
        {
            return TypedResults.NotFound();
        }

        if (take is < 1 or > FindingQuery.MaxTake)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"Take between 1 and {FindingQuery.MaxTake}."] });
        }

        if (!string.IsNullOrEmpty(severity) && severity.ToLowerInvariant() is not ("critical" or "high" or "medium" or "low" or "none" or "unknown"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["severity"] = ["Use critical, high, medium, low, none or unknown."] });
        }

        var page = await results.FindingsOfScanAsync(id, new FindingQuery(severity, package, search, Math.Max(0, skip ?? 0), take ?? 100));
        return TypedResults.Ok(new ItemsPage<FindingRecord>(page.Items, page.Total));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Sbom(string id, ScanResults results) =>
        await results.SbomAsync(id) is { } compressed
            ? TypedResults.File(SbomIntake.Decompress(compressed), "application/vnd.cyclonedx+json", $"{id}.cdx.json")
            : TypedResults.NotFound();

    private static async Task<Results<Ok<Scan>, NotFound, ProblemHttpResult>> Cancel(string id, ScanDispatcher dispatcher, ClaimsPrincipal caller)
    {
        var (scan, cancelled) = await dispatcher.CancelAsync(id, caller.ActorName());
        if (scan is null)
        {
            return TypedResults.NotFound();
        }

        return cancelled
            ? TypedResults.Ok(scan)
            : TypedResults.Problem($"The scan is already {ScanStorage.StatusText(scan.Status)}.", statusCode: StatusCodes.Status409Conflict, title: "Scan not active");
    }

    private static async Task<IReadOnlyList<string>> MatchingNodesAsync(NodeInventory inventory, NodeQuery query, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var skip = 0; ids.Count < MaxNodesPerRequest; skip += NodeQuery.MaxTake)
        {
            var page = await inventory.ListAsync(query with { Skip = skip, Take = NodeQuery.MaxTake }, cancellationToken);
            ids.AddRange(page.Items.Where(n => n.Status != NodeStatus.Removed).Select(n => n.Id));
            if (page.Items.Count < NodeQuery.MaxTake)
            {
                break;
            }
        }

        return ids;
    }
}
