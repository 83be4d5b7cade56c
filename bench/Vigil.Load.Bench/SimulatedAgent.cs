using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vigil.Load.Bench;

/// <summary>The console's order to scan, as the real agent receives it.</summary>
internal sealed record ScanCommand(string ScanId, string UploadPath);

/// <summary>
/// One enrolled agent speaking the real agent's protocol on <c>/hubs/agent</c> (Hello with facts, Heartbeat, scan
/// command → ScanProgress → gzip SBOM upload over HTTP) without scanning: the SBOM is the pre-built one.
/// </summary>
internal sealed class SimulatedAgent(Uri console, string nodeId, string name, string credential, LoadClock clock, HttpClient http) : IAsyncDisposable
{
    private HubConnection? _hub;

    public string NodeId => nodeId;

    public Latencies HeartbeatRoundTrips { get; } = new();

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(console, "/hubs/agent"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(credential))
            .Build();
        _hub.ServerTimeout = TimeSpan.FromMinutes(2); // a saturated bench machine must not drop agents for slowness
        _hub.On<ScanCommand>("StartScan", command => _ = Task.Run(() => ScanAsync(command)));
        await _hub.StartAsync(cancellationToken);
        clock.Mark(LoadClock.OnlineKey(nodeId));
        await _hub.InvokeAsync<JsonElement>("Hello", Facts(), cancellationToken);
    }

    /// <summary>Heartbeats every <paramref name="interval"/>, the first after <paramref name="offset"/> so the fleet spreads evenly.</summary>
    public async Task HeartbeatAsync(TimeSpan interval, TimeSpan offset, Latencies roundTrips, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(offset, cancellationToken);
            using var timer = new PeriodicTimer(interval);
            do
            {
                var started = Stopwatch.GetTimestamp();
                await _hub!.InvokeAsync("Heartbeat", cancellationToken);
                roundTrips.Add(Stopwatch.GetElapsedTime(started));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ScanAsync(ScanCommand command)
    {
        try
        {
            foreach (var (stage, percent) in new[] { ("starting", 0), ("cataloging", 40), ("uploading", 92) })
            {
                clock.Mark(LoadClock.ProgressKey(command.ScanId, stage));
                if (!await _hub!.InvokeAsync<bool>("ScanProgress", command.ScanId, stage, percent))
                {
                    clock.Fail($"scan {command.ScanId}: the console refused progress");
                    return;
                }
            }

            clock.Mark(LoadClock.UploadKey(command.ScanId));
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(console, command.UploadPath)) { Content = new ByteArrayContent(clock.Sbom) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                clock.Fail($"scan {command.ScanId}: upload HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        catch (Exception ex)
        {
            clock.Fail($"scan {command.ScanId}: {ex.Message}");
        }
    }

    private object Facts() => new
    {
        hostname = name,
        os = new { id = "debian", versionId = "12", prettyName = "Debian GNU/Linux 12 (bookworm)" },
        kernel = "6.1.0-bench",
        architecture = "x64",
        ipAddresses = new[] { "10.0.0.1" },
        root = "/",
        agentVersion = "bench",
        listeningPorts = new[] { 22 },
        containerRuntimes = Array.Empty<string>(),
        capabilities = new[] { "scan" },
    };

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
