using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Vigil.Agent.Facts;
using Vigil.Agent.State;

namespace Vigil.Agent.Scans;

/// <summary>
/// Runs the console's scan commands: the SBOM of the agent's root, or of a registry image on a scanner agent, is built
/// by a child process, progress is relayed at most once a second (and on every stage change), and the SBOM is uploaded
/// gzip-compressed over HTTP with the agent's credential. A cancel, a refused progress report or a lost connection
/// kills the child.
/// </summary>
public sealed class AgentScanner(AgentState state, HostFactsCollector facts, ILogger<AgentScanner> logger, Containers.IContainerSource? containers = null) : IDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };
    private readonly Lock _gate = new();

    // Scans in progress by id: the host's own scan and, on a scanner agent, registry images the console handed over.
    private readonly Dictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    public void Start(HubConnection hub, ScanCommand command)
    {
        var stop = new CancellationTokenSource();
        lock (_gate)
        {
            if (!_running.TryAdd(command.ScanId, stop))
            {
                stop.Dispose();
                return; // re-sent after a reconnect: already on it
            }
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(hub, command, stop.Token);
            }
            finally
            {
                lock (_gate)
                {
                    _running.Remove(command.ScanId);
                }

                stop.Dispose();
            }
        });
    }

    public void Cancel(string scanId)
    {
        lock (_gate)
        {
            if (_running.TryGetValue(scanId, out var stop))
            {
                logger.LogInformation("Scan {ScanId} cancelled by the console", scanId);
                stop.Cancel();
            }
        }
    }

    /// <summary>The connection dropped: the console has already failed the scans, so stop working on them.</summary>
    public void CancelAll()
    {
        lock (_gate)
        {
            foreach (var stop in _running.Values)
            {
                stop.Cancel();
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task RunAsync(HubConnection hub, ScanCommand command, CancellationToken cancellationToken)
    {
        var id = command.ScanId;
        var output = Path.Combine(Path.GetTempPath(), $"vigil-scan-{id}.cdx.json");
        try
        {
            var target = command.Image is { } image ? WorkerTarget.Of(image)
                : command.ContainerId is { } containerId ? await ContainerRootAsync(containerId, cancellationToken)
                : WorkerTarget.Directory(facts.Root);
            if (target is null)
            {
                var reason = containers is null
                    ? "This agent reaches no container runtime (no Docker or podman socket, no containerd; see --container-socket), so it cannot scan the container."
                    : $"The container {command.ContainerId} is not running any more (container stopped); it is scanned again when it runs.";
                logger.LogWarning("Scan {ScanId} failed: {Error}", id, reason);
                await hub.InvokeAsync("ScanFailed", id, reason, cancellationToken);
                return;
            }

            logger.LogInformation("Scan {ScanId} of {Target} started", id, target);
            if (!await hub.InvokeAsync<bool>("ScanProgress", id, "starting", 0, cancellationToken))
            {
                return;
            }

            var lastSent = DateTime.MinValue;
            var lastStage = "starting";
            var outcome = await SbomWorkerProcess.RunAsync(target, output, async message =>
            {
                if (message.Stage == lastStage && DateTime.UtcNow - lastSent < ProgressInterval)
                {
                    return true;
                }

                lastSent = DateTime.UtcNow;
                lastStage = message.Stage!;
                return await hub.InvokeAsync<bool>("ScanProgress", id, message.Stage, message.Percent, cancellationToken);
            }, cancellationToken);

            if (outcome.StoppedByConsole)
            {
                logger.LogInformation("Scan {ScanId} stopped: the console no longer wants it", id);
                return;
            }

            if (outcome.Error is { } error)
            {
                logger.LogWarning("Scan {ScanId} failed: {Error}", id, error);
                await hub.InvokeAsync("ScanFailed", id, error, cancellationToken);
                return;
            }

            if (!await hub.InvokeAsync<bool>("ScanProgress", id, "uploading", 92, cancellationToken))
            {
                return;
            }

            await UploadAsync(command, output, cancellationToken);
            logger.LogInformation("Scan {ScanId}: SBOM uploaded", id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Scan {ScanId} stopped", id);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Scan {ScanId} failed: {Error}", id, ex.Message);
            try
            {
                await hub.InvokeAsync("ScanFailed", id, $"The agent could not finish the scan: {ex.Message}", CancellationToken.None);
            }
            catch (Exception report)
            {
                logger.LogWarning("Could not report the failure of scan {ScanId}: {Error}", id, report.Message);
            }
        }
        finally
        {
            File.Delete(output);
            File.Delete(output + ".gz");
        }
    }

    /// <summary>The container's filesystem as its init process sees it, re-resolved now (the pid the console knew may be stale).</summary>
    private async Task<WorkerTarget?> ContainerRootAsync(string containerId, CancellationToken cancellationToken) =>
        containers is not null && await containers.InspectAsync(containerId, cancellationToken) is { } container
            ? WorkerTarget.Directory($"/proc/{container.Pid}/root")
            : null;

    private async Task UploadAsync(ScanCommand command, string output, CancellationToken cancellationToken)
    {
        var compressed = output + ".gz";
        await using (var source = File.OpenRead(output))
        await using (var target = File.Create(compressed))
        await using (var zip = new GZipStream(target, CompressionLevel.Optimal))
        {
            await source.CopyToAsync(zip, cancellationToken);
        }

        await using var body = File.OpenRead(compressed);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(new Uri(state.ConsoleUrl.TrimEnd('/') + "/"), command.UploadPath.TrimStart('/')))
        {
            Content = new StreamContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.Credential);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The console fails the scan itself when it refuses the SBOM; this is for the agent's log.
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"the console refused the SBOM upload: HTTP {(int)response.StatusCode} {detail}", null, response.StatusCode);
        }
    }
}
