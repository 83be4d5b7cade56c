using System.Security.Claims;
using Vigil.Core.Scans;
using Vigil.Dashboard.Registries;
using Vigil.Dashboard.Scans;
using Vigil.Dashboard.Security;

namespace Vigil.Dashboard.Apis;

/// <summary>The agents' HTTP side of a scan: the SBOM upload, authenticated by agent credential only.</summary>
public static class AgentScansApi
{
    /// <summary>Where the agent running <paramref name="scanId"/> uploads its SBOM.</summary>
    public static string UploadPath(string scanId) => $"{VigilApi.Prefix}/agent/scans/{scanId}/sbom";

    public static void MapAgentScansApi(this IEndpointRouteBuilder endpoints)
    {
        // Outside the people's /api/v1 group: its Read policy would demand a user role, which no agent has.
        endpoints.MapPut(UploadPath("{id}"), Upload)
            .RequireAuthorization(AgentAccess.Policy)
            .WithTags("Agents")
            .WithName("UploadScanSbom")
            .WithSummary("An agent uploads its scan's CycloneDX SBOM (gzip-compressed), which the console then matches")
            .Accepts<byte[]>("application/gzip", "application/vnd.cyclonedx+json", "application/json");
    }

    private static async Task<Results<Accepted, NotFound, ProblemHttpResult>> Upload(
        string id, HttpRequest request, ClaimsPrincipal agent, ScanStore scans, SbomAcceptance acceptance, ScannerAgents scanners, RegistryImageStore images,
        CancellationToken cancellationToken)
    {
        var nodeId = agent.FindFirstValue(AgentAccess.NodeIdClaim);
        if (await scans.GetAsync(id, cancellationToken) is not { } scan || (scan.NodeId != nodeId && scan.ScannerNodeId != nodeId))
        {
            return TypedResults.NotFound();
        }

        if (scan.Status != ScanStatus.Running)
        {
            return TypedResults.Problem($"The scan is {ScanStorage.StatusText(scan.Status)}, not running; its SBOM is not needed any more.", statusCode: StatusCodes.Status409Conflict, title: "Scan not running");
        }

        var refused = await acceptance.AcceptAsync(scan, request, cancellationToken);
        if (refused is null && scanners.Handed(id) is { Digest: { } digest })
        {
            await images.RememberSbomAsync(digest, id, cancellationToken); // a registry image: its digest is not pulled again
        }

        return refused is null
            ? TypedResults.Accepted($"{VigilApi.Prefix}/scans/{id}")
            : TypedResults.Problem(refused.Message, statusCode: refused.Status, title: "SBOM refused");
    }
}
