using System.Security.Claims;
using Vigil.Core.Nodes;
using Vigil.Core.Scans;
using Vigil.Dashboard.Scans;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

/// <summary>CI pipelines and other tools push SBOMs for images and applications; each push is matched like a scan.</summary>
public static class SbomsApi
{
    public static void MapSbomsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/sboms", Push)
            .RequireAuthorization(AccessPolicies.Operate)
            .WithTags("Scans")
            .WithName("PushSbom")
            .WithSummary("Push a CycloneDX SBOM (JSON, optionally gzip) for the image or application node ?name= (created if absent); it is matched like any scan")
            .Accepts<byte[]>("application/vnd.cyclonedx+json", "application/json", "application/gzip");
    }

    private static async Task<Results<Accepted<ScansApi.ScanRef>, ValidationProblem, ProblemHttpResult>> Push(
        string? name, string? type, HttpRequest request, PushedNodes nodes, ScanStore scans, SbomAcceptance acceptance, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var nodeType = NodeType.Application;
        if (!string.IsNullOrEmpty(type) && (!Enum.TryParse(type, ignoreCase: true, out nodeType) || !PushedNodes.Types.Contains(nodeType) || int.TryParse(type, out _)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["type"] = ["Use image or application."] });
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Name the image or application (?name=..., at most 200 characters)."] });
        }

        var nodeId = await nodes.FindOrCreateAsync(nodeType, name, cancellationToken);
        var queuedRequest = await scans.QueueAsync(nodeId, caller.ActorName(), running: true, cancellationToken);
        if (queuedRequest is not { Created: true } queued)
        {
            return TypedResults.Problem("An SBOM of this node is still being matched; push again when its scan has finished.", statusCode: StatusCodes.Status409Conflict, title: "Scan in progress");
        }

        var refused = await acceptance.AcceptAsync(queued.Scan, request, cancellationToken);
        if (refused is not null)
        {
            return TypedResults.Problem(refused.Message, statusCode: refused.Status, title: "SBOM refused");
        }

        return TypedResults.Accepted($"{VigilApi.Prefix}/scans/{queued.Scan.Id}", new ScansApi.ScanRef(queued.Scan.Id, nodeId, ScanStatus.Running));
    }
}
