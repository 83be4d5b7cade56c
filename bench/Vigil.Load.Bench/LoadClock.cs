using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Vigil.Load.Bench;

/// <summary>
/// Pairs what the agents send with what a live-UI client on <c>/hubs/ui</c> receives: a mark is set when an agent
/// says Hello (→ NodeOnline) or reports scan progress (→ ScanProgressed) or starts an upload (→ ScanCompleted), and
/// the matching event closes it into a latency.
/// </summary>
internal sealed class LoadClock(byte[] sbom) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _marks = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private HubConnection? _ui;

    public byte[] Sbom => sbom;

    public Latencies Online { get; } = new();

    public Latencies Progress { get; } = new();

    public Latencies UploadToFindings { get; } = new();

    public ConcurrentDictionary<string, JsonElement> Completed { get; } = new();

    public IReadOnlyCollection<string> Failures => _failures;

    public static string OnlineKey(string nodeId) => "online:" + nodeId;

    public static string ProgressKey(string scanId, string stage) => $"progress:{scanId}:{stage}";

    public static string UploadKey(string scanId) => "upload:" + scanId;

    public void Mark(string key) => _marks[key] = Stopwatch.GetTimestamp();

    public void Fail(string reason) => _failures.Enqueue(reason);

    /// <summary>Connects as a browser's live UI would (Viewer API key, as the tests' UiHubListener does).</summary>
    public async Task ListenAsync(Uri console, string apiKey)
    {
        _ui = new HubConnectionBuilder()
            .WithUrl(new Uri(console, "/hubs/ui"), o => o.Headers["Authorization"] = "Bearer " + apiKey)
            .Build();
        _ui.ServerTimeout = TimeSpan.FromMinutes(2);
        _ui.On<JsonElement[]>("events", batch =>
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var e in batch)
            {
                switch (e.GetProperty("type").GetString())
                {
                    case "NodeOnline":
                        Close(OnlineKey(e.GetProperty("nodeId").GetString()!), Online, now);
                        break;
                    case "ScanProgressed":
                        Close(ProgressKey(e.GetProperty("scanId").GetString()!, e.GetProperty("stage").GetString()!), Progress, now);
                        break;
                    case "ScanCompleted":
                        var scanId = e.GetProperty("scanId").GetString()!;
                        Close(UploadKey(scanId), UploadToFindings, now);
                        Completed[scanId] = e.Clone();
                        break;
                    case "ScanFailed":
                        Fail($"scan {e.GetProperty("scanId").GetString()} failed: {e}");
                        break;
                }
            }
        });
        await _ui.StartAsync();
    }

    private void Close(string key, Latencies into, long now)
    {
        if (_marks.TryRemove(key, out var started))
        {
            into.Add(Stopwatch.GetElapsedTime(started, now));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ui is not null)
        {
            await _ui.DisposeAsync();
        }
    }
}
