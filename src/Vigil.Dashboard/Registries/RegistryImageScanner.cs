using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Vigil.Core.Events;
using Vigil.Core.Scans;
using Vigil.Dashboard.Apis;
using Vigil.Dashboard.Hubs;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Dashboard.Scans;
using Vigil.Plugins.Sdk.Registries;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Registry;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Dashboard.Registries;

/// <summary>
/// Scans one registry image: a digest whose SBOM is already kept is re-matched from it (unless the job forces a pull);
/// otherwise the image is pulled with the plugin's pull credentials by a scanner agent when one is free, or here in the
/// console through the layer cache, cataloged with the same source the CLI and agents use, and matched.
/// </summary>
public sealed class RegistryImageScanner(
    RegistryImageStore images,
    ScannerAgents scanners,
    AgentConnections agentConnections,
    IHubContext<AgentHub> agentHub,
    ScanStore scans,
    ScanResults results,
    ScanMatchQueue matching,
    IntegrationService integrations,
    UiEventStream uiEvents,
    BlobCache blobs,
    RegistryHttpHandler http,
    IOptions<RegistryOptions> options,
    ILogger<RegistryImageScanner> logger)
{
    public async Task ScanAsync(RegistryScanJob job, SemaphoreSlim consoleSlots, CancellationToken stoppingToken)
    {
        using var scan = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = new ScanProgressReporter(scans, uiEvents, logger, job, scan);
        if (!await progress.ReportAsync("resolving", 1))
        {
            return; // cancelled or timed out while queued
        }

        var image = $"{job.Image.Repository}@{job.Image.Digest}";
        try
        {
            if (!job.Force && await ReuseAsync(job, scan.Token))
            {
                return;
            }

            var stored = await integrations.GetWithSecretsAsync(job.Image.IntegrationId, scan.Token);
            if (stored is null)
            {
                await scans.FailAsync(job.ScanId, ScanFailures.RegistryRemoved, CancellationToken.None);
                return;
            }

            var pull = await integrations.UseAsync<IRegistryConnector, RegistryPullCredentials>(
                stored, (c, ct) => c.GetPullCredentialsAsync(job.Image.Repository, ct), "pull credentials", scan.Token);
            image = $"{pull.Endpoint.Host}/{image}";
            if (scanners.Reserve(job.ScanId, job.Image.NodeId, job.Image.Digest, options.Value.ScansPerAgent) is { } agent)
            {
                try
                {
                    await ScanOnAgentAsync(job, agent, pull.Endpoint, scan.Token);
                }
                finally
                {
                    scanners.Release(job.ScanId);
                }

                return;
            }

            await consoleSlots.WaitAsync(scan.Token);
            try
            {
                await PullAndCatalogAsync(job, pull.Endpoint, image, progress, scan.Token);
            }
            finally
            {
                consoleSlots.Release();
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Cancelled by a user (the progress report was refused): the scan already says so.
        }
        catch (PluginCallException ex)
        {
            await scans.FailAsync(job.ScanId, ScanFailures.ImageNotPulled($"the registry plugin gave no pull credentials: {ex.Message}"), CancellationToken.None);
        }
        catch (SourceException ex)
        {
            logger.LogInformation("Registry scan {ScanId} of {Image} failed: {Reason}", job.ScanId, image, ex.Message);
            await scans.FailAsync(job.ScanId, Reason(ex.Message, image), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Registry scan {ScanId} of {Image} failed", job.ScanId, image);
            await scans.FailAsync(job.ScanId, ScanFailures.ImageNotPulled($"{ex.GetType().Name}: {ex.Message}"), CancellationToken.None);
        }
    }

    /// <summary>Pulls the image here through the layer cache, catalogs it like the CLI and agents do, and hands the SBOM to matching.</summary>
    private async Task PullAndCatalogAsync(RegistryScanJob job, RegistryEndpoint endpoint, string image, ScanProgressReporter progress, CancellationToken cancellationToken)
    {
        var login = endpoint.Credentials is { } l ? new RegistryCredentials(l.Username, l.Secret) : null;
        using var client = new RegistryClient(new RegistryClientOptions
        {
            Insecure = endpoint.Insecure,
            Handler = http.Handler,
            Credentials = host => host == endpoint.Host ? login : null,
            MaxRateLimitWait = options.Value.MaxRateLimitWait,
        });
        await progress.ReportAsync("pulling", 5);
        var layers = new SyncProgress<SourceProgress>(p => progress.Report("pulling", 5 + (80 * (p.Index - 1) / Math.Max(1, p.Count))));
        var generation = await SbomGenerator.GenerateAsync(
            $"registry:{image}", new SourceOptions { RegistryClient = new CachingRegistryClient(client, blobs, refresh: job.Force) }, layers, cancellationToken: cancellationToken);
        await progress.ReportAsync("matching", 90);
        using var json = new MemoryStream();
        await CycloneDxWriter.WriteAsync(generation.Document, json, generation.SubjectType, cancellationToken);
        if (await results.StoreSbomAsync(job.ScanId, job.Image.NodeId, SbomIntake.Compress(json.ToArray()), cancellationToken))
        {
            await images.RememberSbomAsync(job.Image.Digest, job.ScanId, cancellationToken);
            await matching.EnqueueAsync(new ScanMatchJob(job.ScanId, job.Image.NodeId, generation.Document), cancellationToken);
        }
    }

    /// <summary>
    /// Hands the scan to a scanner agent with the image and its pull credentials, then holds the registry's slot until
    /// the scan ends: the agent reports progress and uploads the SBOM like a host scan, and its loss fails the scan.
    /// Polled: the scan may end in many places (upload and match, the agent's failure or loss, a cancel, the sweeper).
    /// </summary>
    private async Task ScanOnAgentAsync(RegistryScanJob job, string agentNodeId, RegistryEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (!await scans.AssignScannerAsync(job.ScanId, agentNodeId, cancellationToken))
        {
            return;
        }

        var target = new AgentImageTarget(endpoint.Host, job.Image.Repository, job.Image.Digest, endpoint.Insecure, endpoint.Credentials?.Username, endpoint.Credentials?.Secret);
        var connection = agentConnections.ConnectionIdsOf(agentNodeId).LastOrDefault();
        if (connection is null)
        {
            await scans.FailAsync(job.ScanId, ScanFailures.ScannerAgentLost(agentNodeId), CancellationToken.None);
            return;
        }

        logger.LogInformation("Registry scan {ScanId} of {Image} handed to scanner agent {AgentNodeId}", job.ScanId, target, agentNodeId);
        await agentHub.Clients.Client(connection).SendAsync(
            ScanDispatcher.StartScanMethod, new AgentScanCommand(job.ScanId, AgentScansApi.UploadPath(job.ScanId), target), cancellationToken);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (await poll.WaitForNextTickAsync(cancellationToken) && await scans.GetAsync(job.ScanId, cancellationToken) is { IsActive: true })
        {
            // The upload (AgentScansApi) stores the SBOM and remembers the digest; the end of the scan frees the slot.
        }
    }

    /// <summary>Re-matches the kept SBOM of the same digest (scanned before under any tag); false when none is kept.</summary>
    private async Task<bool> ReuseAsync(RegistryScanJob job, CancellationToken cancellationToken)
    {
        if (await images.SbomScanOfDigestAsync(job.Image.Digest, cancellationToken) is not { } previous
            || await results.SbomAsync(previous, cancellationToken) is not { } compressed)
        {
            return false;
        }

        var sbom = CycloneDxReader.Read(Encoding.UTF8.GetString(SbomIntake.Decompress(compressed))).Document;
        if (await results.StoreSbomAsync(job.ScanId, job.Image.NodeId, compressed, cancellationToken))
        {
            await matching.EnqueueAsync(new ScanMatchJob(job.ScanId, job.Image.NodeId, sbom), cancellationToken);
        }

        return true;
    }

    private static string Reason(string message, string image) =>
        message.Contains("rate limited for too long", StringComparison.Ordinal) ? ScanFailures.RateLimited(message)
        : message.Contains("401", StringComparison.Ordinal) || message.Contains("403", StringComparison.Ordinal) || message.Contains("token service", StringComparison.Ordinal)
            ? ScanFailures.RegistryRefusedCredentials(message)
        : message.Contains("not found (404)", StringComparison.Ordinal) || message.Contains("MANIFEST_UNKNOWN", StringComparison.Ordinal)
            ? ScanFailures.ManifestNotFound(image)
        : ScanFailures.ImageNotPulled(message);

    /// <summary>
    /// Records progress like an agent's report (the first one starts the scan) and pushes it to browsers; a refused
    /// report means the scan was cancelled or timed out, so the pull stops.
    /// </summary>
    private sealed class ScanProgressReporter(ScanStore scans, UiEventStream uiEvents, ILogger logger, RegistryScanJob job, CancellationTokenSource scan)
    {
        private int _lastPercent = -1;

        public void Report(string stage, int percent)
        {
            if (percent > _lastPercent)
            {
                _ = ReportAsync(stage, percent);
            }
        }

        public async Task<bool> ReportAsync(string stage, int percent)
        {
            _lastPercent = Math.Max(_lastPercent, percent);
            try
            {
                if (!await scans.ReportProgressAsync(job.ScanId, job.Image.NodeId, stage, percent, CancellationToken.None))
                {
                    await scan.CancelAsync();
                    return false;
                }

                await uiEvents.HandleAsync(new ScanProgressed(job.ScanId, job.Image.NodeId, stage, percent), CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not record progress of scan {ScanId}", job.ScanId);
                return true;
            }
        }
    }

    /// <summary>Reports on the calling thread, in order.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
