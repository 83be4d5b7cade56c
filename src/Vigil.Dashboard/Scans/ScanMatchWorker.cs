using Microsoft.Extensions.Options;
using Vigil.Core.Scans;
using Vigil.Dashboard.Feeds;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Sbom;

namespace Vigil.Dashboard.Scans;

/// <summary>
/// Matches SBOMs against the console's current feed snapshot, off the hub and request threads: completes scans, and
/// on a feed update re-assesses every node's latest SBOM in batches (continuous assessment).
/// </summary>
public sealed class ScanMatchWorker(
    ScanMatchQueue queue,
    ConsoleFeed feed,
    ScanStore scans,
    ScanResults results,
    IOptions<ScanOptions> options,
    ILogger<ScanMatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await (job switch
                {
                    ScanMatchJob scan => MatchScanAsync(scan, stoppingToken),
                    ReassessJob reassess => ReassessAsync(reassess, stoppingToken),
                    _ => Task.CompletedTask,
                });
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Matching job {Job} failed", job);
                if (job is ScanMatchJob failed)
                {
                    await scans.FailAsync(failed.ScanId, $"The console could not match the SBOM: {ex.Message}", CancellationToken.None);
                }
            }
        }
    }

    private async Task MatchScanAsync(ScanMatchJob job, CancellationToken cancellationToken)
    {
        using var lease = feed.Acquire();
        if (lease is null)
        {
            // Decision: without a feed the scan fails (a "complete" scan with zero findings would read as "clean"),
            // but its SBOM becomes the node's latest, so the first feed import assesses it without a rescan.
            await results.KeepSbomUnmatchedAsync(job.ScanId, job.NodeId, job.Sbom.Components.Count, cancellationToken);
            await scans.FailAsync(job.ScanId, ScanFailures.NoFeed, cancellationToken);
            return;
        }

        var findings = Match(lease.Snapshot, job.Sbom);
        await results.CompleteAsync(job.ScanId, lease.Snapshot.Id, job.Sbom.Components.Count, findings, cancellationToken);
    }

    private async Task ReassessAsync(ReassessJob job, CancellationToken cancellationToken)
    {
        using var lease = feed.Acquire();
        if (lease is null)
        {
            return;
        }

        // The current snapshot, not necessarily the event's: a newer import may already have replaced it.
        var snapshot = lease.Snapshot;
        var after = "";
        var reassessed = 0;
        while (true)
        {
            var batch = await results.StaleAssessmentsAsync(snapshot.Id, after, options.Value.ReassessBatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var assessment in batch)
            {
                after = assessment.NodeId;
                var compressed = await results.SbomAsync(assessment.SbomScanId, cancellationToken);
                if (compressed is null)
                {
                    continue;
                }

                var sbom = CycloneDxReader.Read(System.Text.Encoding.UTF8.GetString(SbomIntake.Decompress(compressed))).Document;
                if (await results.ReassessAsync(assessment.NodeId, assessment.SbomScanId, snapshot.Id, sbom.Components.Count, Match(snapshot, sbom), cancellationToken))
                {
                    reassessed++;
                }
            }
        }

        logger.LogInformation("Re-assessed {Count} node(s) against feed snapshot {SnapshotId}", reassessed, snapshot.Id);
    }

    private static List<FindingRecord> Match(Scanning.Feeds.FeedSnapshot snapshot, SbomDocument sbom) =>
        new Matcher(snapshot).Match(sbom.Components, sbom.OperatingSystem).Findings.Select(FindingMapper.ToRecord).ToList();
}
