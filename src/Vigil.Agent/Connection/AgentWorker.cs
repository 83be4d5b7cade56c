using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Agent.Facts;
using Vigil.Agent.Scans;
using Vigil.Agent.State;

namespace Vigil.Agent.Connection;

/// <summary>
/// Keeps the agent connected to the console's agent hub: connect, say hello with the host facts, heartbeat until the
/// connection drops, then reconnect with backoff, forever. The one thing it does not retry is a refused credential:
/// that agent was revoked, and the process exits with <see cref="AgentExitCodes.CredentialRefused"/>.
/// </summary>
public sealed class AgentWorker(
    AgentState state, HostFactsCollector facts, AgentScanner scanner, IHostApplicationLifetime lifetime, ILogger<AgentWorker> logger, Containers.ContainerWatcher? containers = null)
    : BackgroundService
{
    public const string HubPath = "/hubs/agent";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConnectAndServeAsync(backoff, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                logger.LogError("The console refused this agent's credential (revoked or unknown). Enroll again with a new token.");
                Environment.ExitCode = AgentExitCodes.CredentialRefused;
                lifetime.StopApplication();
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Console {Console} unreachable: {Reason}", state.ConsoleUrl, ex.Message);
            }

            var delay = backoff.Next();
            logger.LogInformation("Reconnecting in {Delay:0.0} s", delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ConnectAndServeAsync(ReconnectBackoff backoff, CancellationToken stoppingToken)
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(state.ConsoleUrl + HubPath), o => o.AccessTokenProvider = () => Task.FromResult<string?>(state.Credential))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, AgentJsonContext.Default))
            .Build();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            scanner.CancelAll();
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        connection.On<ScanCommand>("StartScan", command => scanner.Start(connection, command));
        connection.On<string>("CancelScan", scanner.Cancel);

        await connection.StartAsync(stoppingToken);
        var hostFacts = await facts.CollectAsync(e => logger.LogWarning("Instance metadata unavailable: {Error}", e), stoppingToken);
        var welcome = await connection.InvokeAsync<ConsoleWelcome>("Hello", hostFacts with { SentAt = DateTimeOffset.UtcNow }, stoppingToken);
        backoff.Reset();
        logger.LogInformation("Connected to {Console} as node {NodeName} ({NodeId}); heartbeat every {Interval}", state.ConsoleUrl, welcome.NodeName, welcome.NodeId, welcome.HeartbeatInterval);

        var interval = welcome.HeartbeatInterval > TimeSpan.Zero ? welcome.HeartbeatInterval : TimeSpan.FromSeconds(30);
        using var timer = new PeriodicTimer(interval);
        using var connected = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var watching = containers?.RunAsync(connection, interval, connected.Token) ?? Task.CompletedTask;
        try
        {
            await HeartbeatUntilClosedAsync(connection, timer, closed.Task, stoppingToken);
        }
        finally
        {
            await connected.CancelAsync();
            await watching.ContinueWith(_ => { }, TaskScheduler.Default); // stopped with the connection; its errors are logged by it
        }
    }

    private async Task HeartbeatUntilClosedAsync(HubConnection connection, PeriodicTimer timer, Task<Exception?> closed, CancellationToken stoppingToken)
    {
        while (true)
        {
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, closed) == closed)
            {
                var error = await closed;
                logger.LogWarning("Connection to the console lost: {Reason}", error?.Message ?? "closed by the console");
                return;
            }

            await tick;
            // Our clock goes along so the console can measure this host's skew; it never trusts it for its own times.
            await connection.InvokeAsync("HeartbeatAt", DateTimeOffset.UtcNow, stoppingToken);
        }
    }
}
