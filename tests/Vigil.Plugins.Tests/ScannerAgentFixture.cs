using Microsoft.Extensions.DependencyInjection;
using Vigil.Dashboard.Hubs;
using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>
/// One console with the Docker Registry plugin and the shared feeds, a real <c>docker-registry</c> with basic auth
/// holding two tags of the container image fixture, and a recording proxy between them; scanner agents are started
/// per test.
/// </summary>
public sealed class ScannerAgentFixture : IAsyncLifetime
{
    private readonly PluginFolders _folders = new PluginFolders().AddBuilt("vigil.docker-registry");
    private RegistryServerFixture? _registry;

    public static bool Available => DatedImages.Available;

    public DashboardHost Host { get; private set; } = null!;

    public RegistryProxy Proxy { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _registry = new RegistryServerFixture(RegistryAuthMode.Basic);
        DatedImages.Push(_registry, ("team/app:1", DateTimeOffset.UtcNow.AddDays(-2)), ("team/app:2", DateTimeOffset.UtcNow.AddDays(-1)));
        Proxy = await RegistryProxy.StartAsync(_registry.Host);
        Host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?> { ["Vigil:Plugins:Directory"] = _folders.Path },
        });
        await ScanData.ImportFeedsAsync(Host);
    }

    /// <summary>A Docker Registry integration for the basic-auth registry, through the proxy.</summary>
    public async Task<string> CreateRegistryAsync(VigilApiClient api, string name)
    {
        var created = await api.PostJsonAsync("/api/v1/integrations", new
        {
            name,
            pluginId = "vigil.docker-registry",
            connectorType = "docker-registry",
            settings = new { registry = Proxy.Host, insecure = true, username = RegistryServerFixture.Username, password = RegistryServerFixture.Password },
        });
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>Files in the console's own layer cache: it grows only when the console pulls.</summary>
    public int ConsoleCachedBlobs()
    {
        var cache = Path.Combine(Host.DataDirectory, "registry-blobs");
        return Directory.Exists(cache) ? Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories).Count() : 0;
    }

    /// <summary>Enrolls and runs <c>vigil-agent --capabilities scanner</c> (an empty root of its own) until its node is online.</summary>
    public async Task<ScannerAgent> StartScannerAgentAsync(string name)
    {
        using var api = Host.Api();
        var token = (await api.PostJsonAsync("/api/v1/enrollment-tokens", new { })).GetProperty("token").GetString()!;
        var state = new TempDirectory("vigil-scanner-state");
        var root = new TempDirectory("vigil-scanner-root");
        var (exitCode, output) = await AgentProcess.RunAsync("enroll", "--console", Host.BaseAddress.ToString(), "--token", token, "--name", name, "--state-dir", state.Path);
        Assert.True(exitCode == 0, output);
        var process = AgentProcess.Start("run", "--state-dir", state.Path, "--root", root.Path, "--capabilities", "scanner");
        var nodes = await api.WaitForJsonAsync($"/api/v1/nodes?search={name}", n => n.GetProperty("items").EnumerateArray()
            .Any(i => i.GetProperty("status").GetString() == "online"), TimeSpan.FromSeconds(60));
        var node = Assert.Single(nodes.GetProperty("items").EnumerateArray(), i => i.GetProperty("status").GetString() == "online");
        return new ScannerAgent(node.GetProperty("id").GetString()!, process, state, root, Host.Services.GetRequiredService<AgentConnections>());
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        _registry?.Dispose();
        _folders.Dispose();
    }
}

/// <summary>A running scanner agent; disposing it stops the process and waits until the console has let it go.</summary>
public sealed class ScannerAgent(string nodeId, AgentProcess process, TempDirectory state, TempDirectory root, AgentConnections connections) : IAsyncDisposable
{
    public string NodeId { get; } = nodeId;

    public AgentProcess Process { get; } = process;

    public string StateDirectory => state.Path;

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await Process.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (connections.IsConnected(NodeId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        state.Dispose();
        root.Dispose();
    }
}
