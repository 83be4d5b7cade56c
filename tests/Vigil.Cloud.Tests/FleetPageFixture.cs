using Vigil.Testing;

namespace Vigil.Cloud.Tests;

/// <summary>
/// A real dashboard with a local fleet integration whose Launch action offers one configured root, and no instances:
/// the tests launch what they need from the page or the API (agents are heavy; one dashboard serves the class).
/// </summary>
public sealed class FleetPageFixture : IAsyncLifetime
{
    public const string FleetName = "page fleet";
    private readonly TempDirectory _fleet = new("vigil-page-fleet");
    private readonly TempDirectory _root = new("vigil-page-root");
    private DashboardHost? _host;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("not started");

    public VigilApiClient Api { get; private set; } = null!;

    public string IntegrationId { get; private set; } = "";

    public string FleetDirectory => _fleet.Path;

    /// <summary>The one root the fleet's Launch action offers.</summary>
    public string Root => _root.Path;

    public async ValueTask InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_root.Path, "README"), "an instance root offered by the fleet");
        _host = await DashboardHost.StartAsync();
        Api = Host.Api();
        var integration = await Api.PostJsonAsync("/api/v1/integrations", new
        {
            name = FleetName,
            pluginId = "vigil.localfleet",
            connectorType = "local-fleet",
            settings = new { consoleUrl = Host.BaseAddress.ToString(), directory = _fleet.Path, roots = new[] { _root.Path } },
        });
        IntegrationId = integration.GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        // Leave no agent running, whatever a failed test left behind.
        FleetInstances.KillAll(_fleet.Path);

        Api?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _fleet.Dispose();
        _root.Dispose();
    }
}
