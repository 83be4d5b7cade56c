using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Vigil.Agent.Containers;

/// <summary>
/// Reports the host's running containers to the console while connected: at once, whenever the set changes (polled
/// every few seconds) and at least once per heartbeat interval, which keeps the container nodes from going offline.
/// </summary>
public sealed class ContainerWatcher(IContainerSource source, ILogger<ContainerWatcher> logger)
{
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(5);

    public async Task RunAsync(HubConnection hub, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        string? lastSet = null;
        var lastSent = DateTime.MinValue;
        var lastError = "";
        using var timer = new PeriodicTimer(heartbeat < MaxPoll ? heartbeat : MaxPoll);
        do
        {
            try
            {
                var running = await source.RunningAsync(cancellationToken);
                var set = string.Join(',', running.Select(c => $"{c.Id}:{c.Pid}").Order(StringComparer.Ordinal));
                if (set != lastSet || DateTime.UtcNow - lastSent >= heartbeat)
                {
                    await hub.InvokeAsync("ReportContainers", running.ToArray(), cancellationToken);
                    if (set != lastSet)
                    {
                        logger.LogInformation("{Count} container(s) running, reported to the console", running.Count);
                    }

                    (lastSet, lastSent, lastError) = (set, DateTime.UtcNow, "");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.Sockets.SocketException or System.Text.Json.JsonException
                or Microsoft.AspNetCore.SignalR.HubException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (ex.Message != lastError)
                {
                    logger.LogWarning("Cannot list containers through {Source}: {Error}", source.Description, ex.Message);
                    lastError = ex.Message;
                }
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}
