using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Audit;
using Vigil.Core.Json;
using Vigil.Dashboard.Feeds;
using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Cloud.Tests;

/// <summary>
/// The seeds' loop end to end: the local fleet launches three instances (two describing the vulnerable npm tree), the
/// shipped pre-deployment template scans each as it registers, takes the two failing machines out through the fleet,
/// labels the clean one approved, and a signed webhook hears about every removal.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PreDeploymentFleetTests
{
    private const string Fleet = "demo fleet";
    private const string Secret = "fleet-hook-secret-1";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_template_takes_out_the_vulnerable_instances_labels_the_clean_one_and_a_webhook_hears_it()
    {
        Assert.SkipUnless(NpmProjectFixture.Available, "npm is needed to build the vulnerable npm fixture");
        using var fleetDirectory = new TempDirectory("vigil-fleet");
        await using var webhook = await HttpRecorder.StartAsync();
        await using var host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?> { ["Vigil:Agents:HeartbeatInterval"] = "00:00:01", ["Vigil:Cloud:PollInterval"] = "00:00:00.200" },
        });
        await host.Services.GetRequiredService<ConsoleFeed>().Store.ImportAsync([Path.Combine(RepoPaths.SharedFeeds, "npm", "all.zip")]);
        using var api = host.Api();

        // The shared npm feed rates lodash 4.17.15's advisory medium: the admin's policy fails on medium.
        using (var policy = await api.Http.PutAsJsonAsync("/api/v1/policies/default", new { maxCount = new { critical = 0, high = 0, medium = 0 } }, VigilJson.Options))
        {
            Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync());
        }

        await api.PostJsonAsync("/api/v1/integrations", new
        {
            name = Fleet, pluginId = "vigil.localfleet", connectorType = "local-fleet",
            settings = new { consoleUrl = host.BaseAddress.ToString(), directory = fleetDirectory.Path },
        });
        var channel = (await api.PostJsonAsync("/api/v1/integrations", new
        {
            name = "security hook", pluginId = "vigil.notifications", connectorType = "webhook",
            settings = new { url = new Uri(webhook.BaseAddress, "hook").AbsoluteUri, secret = Secret, timeoutSeconds = 10 },
        })).GetProperty("id").GetString()!;
        await api.PostJsonAsync("/api/v1/notification-rules", new { name = "flow notices", events = new[] { "flowNotification" }, channels = new[] { channel } });
        await api.PostJsonAsync("/api/v1/workflows/scan-new-nodes-before-deployment/enable", new { });

        try
        {
            await RunLoopAsync(api, host, webhook, fleetDirectory.Path);
        }
        finally
        {
            StopAgents(fleetDirectory.Path);
        }
    }

    private static async Task RunLoopAsync(VigilApiClient api, DashboardHost host, HttpRecorder webhook, string fleetDirectory)
    {
        var nodes = await LaunchAsync(api, ("web-vulnerable", Path.Combine(NpmProjectFixture.Path, "npm"), 2), ("web-clean", "", 1));
        var (vulnerable, clean) = (nodes[..2], nodes[2]);

        // The fleet forgets a quarantined instance's process id: note them while they run.
        var processes = nodes.ToDictionary(n => n, n => InstanceOf(fleetDirectory, n).GetProperty("processId").GetInt32());
        foreach (var nodeId in vulnerable)
        {
            var record = await PollAsync(() => InstanceOf(fleetDirectory, nodeId), r => r.GetProperty("state").GetString() == "quarantined", Patience);
            Assert.Equal("quarantined", record.GetProperty("state").GetString());
            Assert.False(LocalFleetFixture.ProcessAlive(processes[nodeId]), $"the agent of {nodeId} still runs");
        }

        var approved = await api.WaitForJsonAsync($"/api/v1/nodes/{clean}", n => n.GetProperty("labels").TryGetProperty("vigil/approved", out _), Patience);
        Assert.Equal("true", approved.GetProperty("labels").GetProperty("vigil/approved").GetString());
        Assert.True(LocalFleetFixture.ProcessAlive(processes[clean]));

        var requests = await webhook.WaitForAsync(2, Patience);
        Assert.Equal(2, requests.Count);
        foreach (var request in requests)
        {
            Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body)), request.Headers["X-Vigil-Signature"]);
        }

        var titles = requests.Select(r => JsonDocument.Parse(r.BodyText).RootElement.GetProperty("title").GetString()).Order().ToArray();
        Assert.Equal(["Node web-vulnerable-1 removed", "Node web-vulnerable-2 removed"], titles);

        var audit = host.Services.GetRequiredService<AuditLog>();
        var quarantines = (await audit.QueryAsync(new AuditQuery(Action: "Node quarantined"))).Items;
        foreach (var nodeId in vulnerable)
        {
            // Who (the flow), why (the failed policy) and the provider's answer, for each machine taken out.
            var via = $"via {Fleet} ({InstanceOf(fleetDirectory, nodeId).GetProperty("id").GetString()})";
            Assert.Contains(quarantines, e => e.Actor.StartsWith("workflow:", StringComparison.Ordinal)
                && e.Detail?.Contains(via, StringComparison.Ordinal) == true && e.Detail.Contains("policy failed: default", StringComparison.Ordinal));
        }
    }

    /// <summary>Launches through the plugin's own workflow activity, as a flow would; returns the node ids in order.</summary>
    private static async Task<string[]> LaunchAsync(VigilApiClient api, params (string Name, string Root, int Count)[] groups)
    {
        var activities = new List<object> { new { id = "start", type = "Vigil.Manual", inputs = new { } } };
        var connections = new List<object>();
        var previous = "start";
        foreach (var (group, index) in groups.Select((g, i) => (g, i)))
        {
            var id = $"launch{index}";
            activities.Add(new
            {
                id, type = "LocalFleet.Launch",
                inputs = new { fleet = Literal(Fleet), name = Literal(group.Name), root = Literal(group.Root), count = Literal(group.Count) },
            });
            connections.Add(new { source = previous, sourceOutcome = "Done", target = id });
            previous = id;
        }

        using (var put = await api.Http.PutAsJsonAsync("/api/v1/workflows/launch", new { id = "launch", name = "Launch", activities, connections }, VigilJson.Options))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        await api.PostJsonAsync("/api/v1/workflows/launch/publish", new { });
        await api.PostJsonAsync("/api/v1/workflows/launch/enable", new { });
        var started = await api.PostJsonAsync("/api/v1/workflows/launch/start", new { input = new { } });
        Assert.True(started.GetProperty("status").GetString() == "finished", started.ToString());
        var instance = await api.GetJsonAsync($"/api/v1/workflow-instances/{started.GetProperty("instanceId").GetString()}");
        return [.. instance.GetProperty("journal").EnumerateArray()
            .Where(j => j.GetProperty("activityId").GetString()!.StartsWith("launch", StringComparison.Ordinal))
            .SelectMany(j => JsonDocument.Parse(j.GetProperty("outputsJson").GetString()!).RootElement.GetProperty("nodeIds").EnumerateArray())
            .Select(n => n.GetString()!)];
    }

    private static JsonElement InstanceOf(string fleetDirectory, string nodeId) =>
        Directory.EnumerateFiles(fleetDirectory, "instance.json", SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Single(r => r.GetProperty("nodeId").GetString() == nodeId);

    private static async Task<JsonElement> PollAsync(Func<JsonElement> read, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = read();
        while (!condition(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            value = read();
        }

        return value;
    }

    /// <summary>Leaves no agent running (the clean instance's is still up) before the fleet directory goes.</summary>
    private static void StopAgents(string fleetDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(fleetDirectory, "instance.json", SearchOption.AllDirectories))
        {
            if (JsonDocument.Parse(File.ReadAllText(file)).RootElement.TryGetProperty("processId", out var pid) && pid.ValueKind == JsonValueKind.Number)
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(pid.GetInt32()).Kill();
                }
                catch (ArgumentException)
                {
                    // already gone
                }
            }
        }
    }

    private static object Literal(object value) => new { kind = "literal", value };
}
