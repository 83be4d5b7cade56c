using Vigil.Core.Scans;

namespace Vigil.Dashboard.Scans;

/// <summary>
/// The common path of an SBOM that arrives for a running scan, from an agent or a CI push: read it as hostile input,
/// keep it, queue its matching. A refused upload fails the scan with the same words the caller gets.
/// </summary>
public sealed class SbomAcceptance(SbomIntake intake, ScanStore scans, ScanResults results, ScanMatchQueue queue)
{
    /// <summary>Null when accepted; otherwise the refusal (the scan is failed with its message, or was not running).</summary>
    public async Task<SbomRejectedException?> AcceptAsync(Scan scan, HttpRequest request, CancellationToken cancellationToken)
    {
        ReceivedSbom received;
        try
        {
            received = await intake.ReadAsync(request, cancellationToken);
        }
        catch (SbomRejectedException rejected)
        {
            await scans.FailAsync(scan.Id, $"The SBOM upload was refused: {rejected.Message}", CancellationToken.None);
            return rejected;
        }

        if (!await results.StoreSbomAsync(scan.Id, scan.NodeId, received.Compressed, cancellationToken))
        {
            return new SbomRejectedException(StatusCodes.Status409Conflict, "The scan is no longer running (cancelled, failed or timed out); its SBOM was not kept.");
        }

        await queue.EnqueueAsync(new ScanMatchJob(scan.Id, scan.NodeId, received.Sbom.Document), cancellationToken);
        return null;
    }
}
