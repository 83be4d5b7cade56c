using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Core.Json;
using Vigil.Testing;

namespace Vigil.Cloud.Tests;

/// <summary>
/// A real dashboard with the local fleet plugin loaded from plugins/bin, a "fleet" integration in a temporary
/// directory, and four instances launched once through the plugin's workflow activity (agent processes are heavy:
/// tests share them, each taking its own).
/// </summary>
public sealed class LocalFleetFixture : IAsyncLifetime
{
    public const string FleetName = "test fleet";
    private readonly TempDirectory _fleet = new("vigil-fleet");
    private DashboardHost? _host;
    private readonly Queue<string> _nodes = new();

    public DashboardHost Host => _host ?? throw new InvalidOperationException("not started");

    public string FleetDirectory => _fleet.Path;

    public VigilApiClient Api { get; private set; } = null!;

    public string IntegrationId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?> { ["Vigil:Cloud:RetryDelay"] = "00:00:01", ["Vigil:Cloud:PollInterval"] = "00:00:00.200" },
        });
        Api = Host.Api();
        var integration = await Api.PostJsonAsync("/api/v1/integrations", new
        {
            name = FleetName,
            pluginId = "vigil.localfleet",
            connectorType = "local-fleet",
            settings = new { consoleUrl = Host.BaseAddress.ToString(), directory = _fleet.Path },
        });
        IntegrationId = integration.GetProperty("id").GetString()!;

        var launch = new
        {
            id = "launch",
            name = "Launch",
            activities = new object[]
            {
                new { id = "start", type = "Vigil.Manual", inputs = new { } },
                new
                {
                    id = "launch", type = "LocalFleet.Launch",
                    inputs = new { fleet = Literal(FleetName), name = Literal("web"), count = Literal(4) },
                },
            },
            connections = new[] { new { source = "start", sourceOutcome = "Done", target = "launch" } },
        };
        using (var put = await Api.Http.PutAsJsonAsync("/api/v1/workflows/launch", launch, VigilJson.Options))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        await Api.PostJsonAsync("/api/v1/workflows/launch/publish", new { });
        await Api.PostJsonAsync("/api/v1/workflows/launch/enable", new { });
        var started = await Api.PostJsonAsync("/api/v1/workflows/launch/start", new { input = new { } });
        Assert.True(started.GetProperty("status").GetString() == "finished", started.ToString());
        var instance = await Api.GetJsonAsync($"/api/v1/workflow-instances/{started.GetProperty("instanceId").GetString()}");
        var outputs = JsonDocument.Parse(instance.GetProperty("journal").EnumerateArray().Single(j => j.GetProperty("activityId").GetString() == "launch")
            .GetProperty("outputsJson").GetString()!).RootElement;
        foreach (var nodeId in outputs.GetProperty("nodeIds").EnumerateArray().Select(n => n.GetString()!))
        {
            await Api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}", n => n.GetProperty("status").GetString() == "online", TimeSpan.FromSeconds(90));
            _nodes.Enqueue(nodeId);
        }

        SharedNode = _nodes.Dequeue();
    }

    /// <summary>An instance's node that every test leaves running (read-only uses).</summary>
    public string SharedNode { get; private set; } = "";

    /// <summary>A launched, online instance's node no other test uses.</summary>
    public string TakeNode()
    {
        lock (_nodes)
        {
            return _nodes.Dequeue();
        }
    }

    /// <summary>The instance record the fleet keeps for a node, or null once terminated.</summary>
    public JsonElement? InstanceOf(string nodeId) =>
        Directory.EnumerateFiles(_fleet.Path, "instance.json", SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Cast<JsonElement?>()
            .FirstOrDefault(r => r!.Value.GetProperty("nodeId").GetString() == nodeId);

    public static bool ProcessAlive(int pid) => File.Exists($"/proc/{pid}/cmdline") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        FleetInstances.KillAll(_fleet.Path);

        Api?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _fleet.Dispose();
    }

    private static object Literal(object value) => new { kind = "literal", value };
}
