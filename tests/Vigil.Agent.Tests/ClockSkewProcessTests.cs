using System.Text.Json;
using Vigil.Testing;
using Vigil.Testing.Fixtures;
using static Vigil.Agent.Tests.ScanConsoleFixture;

namespace Vigil.Agent.Tests;

/// <summary>
/// A real agent whose clock is three hours behind (libfaketime preloaded into its process): the console measures the
/// skew and keeps every time of its own on its own clock, so enrollment, presence and scans all still work.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ClockSkewProcessTests(ScanConsoleFixture console) : IClassFixture<ScanConsoleFixture>
{
    private const string FakeTimeLibrary = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";
    private static readonly TimeSpan Skew = TimeSpan.FromHours(-3);

    private static readonly Dictionary<string, string> ThreeHoursBehind = new()
    {
        ["LD_PRELOAD"] = FakeTimeLibrary,
        ["FAKETIME"] = "-3h",
        // Timers and timeouts run on the monotonic clock, which a wrong wall clock does not move on a real host either.
        ["DONT_FAKE_MONOTONIC"] = "1",
    };

    private DashboardHost Host => console.Host;

    [Fact]
    public async Task An_agent_three_hours_behind_enrolls_stays_online_on_console_time_reports_its_skew_and_scans()
    {
        Assert.SkipUnless(File.Exists(FakeTimeLibrary), "libfaketime (Debian package faketime) is needed to run the agent under a wrong clock");
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture");
        using var state = new TempDirectory("vigil-agent-state");
        using var api = Host.Api();
        var token = (await api.PostJsonAsync("/api/v1/enrollment-tokens", new { })).GetProperty("token").GetString()!;
        await using (var enroll = AgentProcess.Start(ThreeHoursBehind, "enroll", "--console", Host.BaseAddress.ToString(), "--token", token, "--name", "skewed-01", "--state-dir", state.Path))
        {
            Assert.True(await enroll.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, enroll.Output);
        }

        var nodeId = JsonDocument.Parse(File.ReadAllText(Path.Combine(state.Path, "agent.json"))).RootElement.GetProperty("nodeId").GetString()!;
        await using var agent = AgentProcess.Start(ThreeHoursBehind, "run", "--state-dir", state.Path, "--root", Path.Combine(NpmProjectFixture.Path, "npm"));
        var node = await api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}", n => n.GetProperty("status").GetString() == "online", Patience);
        Assert.True(node.GetProperty("status").GetString() == "online", $"{node} {agent.Output}");

        var skew = node.GetProperty("facts").GetProperty("clockSkewSeconds").GetDouble();
        Assert.InRange(skew, Skew.TotalSeconds - 60, Skew.TotalSeconds + 60);
        Assert.False(node.GetProperty("facts").TryGetProperty("sentAt", out _), "the agent's own clock is not kept as a fact");
        AssertConsoleTime(node.GetProperty("lastSeen").GetDateTimeOffset(), "lastSeen");
        AssertConsoleTime(node.GetProperty("firstSeen").GetDateTimeOffset(), "firstSeen");

        // Heartbeats (every second here) keep it online on console time: last seen moves forward, not three hours back.
        var later = await api.WaitForJsonAsync(
            $"/api/v1/nodes/{nodeId}", n => n.GetProperty("lastSeen").GetDateTimeOffset() > node.GetProperty("lastSeen").GetDateTimeOffset(), Patience);
        Assert.Equal("online", later.GetProperty("status").GetString());
        AssertConsoleTime(later.GetProperty("lastSeen").GetDateTimeOffset(), "lastSeen after heartbeats");

        var scanId = (await StartScanAsync(Host, nodeId)).GetProperty("id").GetString()!;
        var scan = await WaitForScanAsync(Host, scanId, s => HasStatus(s, "complete") || HasStatus(s, "failed"), () => agent.Output);
        Assert.True(HasStatus(scan, "complete"), $"{scan} {agent.Output}");
        AssertConsoleTime(scan.GetProperty("startedAt").GetDateTimeOffset(), "scan startedAt");
        AssertConsoleTime(scan.GetProperty("finishedAt").GetDateTimeOffset(), "scan finishedAt");
        Assert.True(scan.GetProperty("summary").GetProperty("medium").GetInt32() >= 1, scan.ToString());
    }

    /// <summary>The test shares the console's clock: a console-side time is minutes from now, never hours.</summary>
    private static void AssertConsoleTime(DateTimeOffset value, string what) =>
        Assert.True((DateTimeOffset.UtcNow - value).Duration() < TimeSpan.FromMinutes(5), $"{what} {value:O} is not on the console's clock (now {DateTimeOffset.UtcNow:O})");
}
