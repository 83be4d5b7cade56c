using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Dashboard.Feeds;
using Vigil.Testing;

namespace Vigil.Agent.Tests;

/// <summary>
/// A real dashboard for scan tests: short heartbeats, small upload caps (so oversized uploads are cheap to make) and
/// the shared npm OSV feed imported into the console's own feed store.
/// </summary>
public sealed class ScanConsoleFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 1024 * 1024;
    public const long MaxSbomBytes = 4 * 1024 * 1024;
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private DashboardHost? _host;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("The dashboard has not started.");

    public static string NpmFeed => Path.Combine(RepoPaths.SharedFeeds, "npm", "all.zip");

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Vigil:Agents:HeartbeatInterval"] = "00:00:01",
        ["Vigil:Agents:OfflineAfter"] = "00:00:03",
        ["Vigil:Agents:EnrollmentsPerMinute"] = "1000",
        ["Vigil:Scans:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vigil:Scans:MaxSbomBytes"] = MaxSbomBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async ValueTask InitializeAsync()
    {
        _host = await DashboardHost.StartAsync(new DashboardOptions { Settings = Settings });
        await _host.Services.GetRequiredService<ConsoleFeed>().Store.ImportAsync([NpmFeed]);
    }

    /// <summary>Enrolls an agent with the real <c>vigil-agent enroll</c> into <paramref name="stateDir"/>; returns its node id.</summary>
    public static async Task<string> EnrollAsync(DashboardHost host, string name, string stateDir)
    {
        using var api = host.Api();
        var token = (await api.PostJsonAsync("/api/v1/enrollment-tokens", new { })).GetProperty("token").GetString()!;
        var (exitCode, output) = await AgentProcess.RunAsync("enroll", "--console", host.BaseAddress.ToString(), "--token", token, "--name", name, "--state-dir", stateDir);
        Assert.True(exitCode == 0, output);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(stateDir, "agent.json"))).RootElement.GetProperty("nodeId").GetString()!;
    }

    public static async Task<JsonElement> StartScanAsync(DashboardHost host, string nodeId)
    {
        using var api = host.Api();
        var accepted = await api.PostJsonAsync("/api/v1/scans", new { nodeIds = new[] { nodeId } });
        var scans = accepted.GetProperty("scans");
        Assert.Equal(1, scans.GetArrayLength());
        Assert.Equal(nodeId, scans[0].GetProperty("nodeId").GetString());
        return scans[0];
    }

    /// <summary>Polls the scan until <paramref name="condition"/> holds; fails with the last state and the agent's output.</summary>
    public static async Task<JsonElement> WaitForScanAsync(DashboardHost host, string scanId, Func<JsonElement, bool> condition, Func<string>? context = null, TimeSpan? timeout = null, string? apiKey = null)
    {
        using var api = host.Api(apiKey);
        var scan = await api.WaitForJsonAsync($"/api/v1/scans/{scanId}", condition, timeout ?? Patience);
        Assert.True(condition(scan), $"Scan {scanId} did not reach the expected state; last: {scan} {context?.Invoke()}");
        return scan;
    }

    public static bool HasStatus(JsonElement scan, string status) => scan.GetProperty("status").GetString() == status;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
