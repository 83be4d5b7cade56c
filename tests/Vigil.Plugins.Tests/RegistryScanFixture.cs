using Vigil.Testing;
using Vigil.Testing.Fixtures;

namespace Vigil.Plugins.Tests;

/// <summary>
/// One console with the Docker Registry plugin (real loader, built folder) and the shared OSV feeds, one real
/// <c>docker-registry</c> holding dated copies of the container image fixture (same layers, distinct digests), and a
/// recording proxy between them. One image pull per registry at a time, so concurrency is observable.
/// </summary>
public sealed class RegistryScanFixture : IAsyncLifetime
{
    public static readonly string[] Repositories = ["shop/api", "shop/web", "shop/worker", "ops/tools"];

    private readonly PluginFolders _folders = new PluginFolders().AddBuilt("vigil.docker-registry");
    private RegistryServerFixture? _registry;

    public static bool Available => DatedImages.Available;

    public DashboardHost Host { get; private set; } = null!;

    public RegistryProxy Proxy { get; private set; } = null!;

    public RegistryServerFixture Registry => _registry!;

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        _registry = new RegistryServerFixture(RegistryAuthMode.Anonymous);
        var now = DateTimeOffset.UtcNow;
        DatedImages.Push(_registry,
            ("shop/api:1.0", now.AddDays(-3)), ("shop/api:1.1", now.AddDays(-2)), ("shop/web:1", now.AddDays(-1)),
            ("shop/worker:a", now.AddHours(-5)), ("shop/worker:b", now.AddHours(-4)), ("shop/worker:c", now.AddHours(-3)), ("ops/tools:1", now.AddHours(-1)));
        Proxy = await RegistryProxy.StartAsync(_registry.Host);
        Host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Vigil:Plugins:Directory"] = _folders.Path,
                ["Vigil:Registries:ConcurrencyPerRegistry"] = "1",
            },
        });
        await ScanData.ImportFeedsAsync(Host);
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
