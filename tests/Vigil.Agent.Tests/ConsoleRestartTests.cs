using Vigil.Testing;
using static Vigil.Agent.Tests.ScanConsoleFixture;

namespace Vigil.Agent.Tests;

/// <summary>A console that stops mid-scan never leaves the scan stuck: its next start fails it with the reason.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ConsoleRestartTests
{
    [Fact]
    public async Task A_scan_running_when_the_console_stops_is_failed_with_the_reason_on_the_next_start()
    {
        using var data = new TempDirectory("vigil-restart-data");
        using var state = new TempDirectory("vigil-agent-state");
        string scanId;
        string adminKey;
        AgentProcess? agent = null;
        await using (var first = await DashboardHost.StartAsync(new DashboardOptions { DataDirectory = data.Path, Settings = Settings }))
        {
            adminKey = first.AdminApiKey!; // the second start keeps the first one's admin (bootstrap runs once)
            var nodeId = await EnrollAsync(first, "restart-01", state.Path);
            // Outlives this console: the scan must fail because the console stopped, not because the agent did.
            agent = AgentProcess.Start("run", "--state-dir", state.Path, "--root", "/");
            scanId = (await StartScanAsync(first, nodeId)).GetProperty("id").GetString()!;
            await WaitForScanAsync(first, scanId, s => HasStatus(s, "running"), () => agent.Output);
        }

        await using var stopAgent = agent!;
        await using var second = await DashboardHost.StartAsync(new DashboardOptions { DataDirectory = data.Path, Settings = Settings });
        var scan = await WaitForScanAsync(second, scanId, s => !HasStatus(s, "running") && !HasStatus(s, "queued"), timeout: TimeSpan.FromSeconds(5), apiKey: adminKey);
        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.Equal(Core.Scans.ScanFailures.ConsoleRestarted, scan.GetProperty("error").GetString());
    }
}
