using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Testing;

[assembly: AssemblyFixture(typeof(Vigil.Plugins.Tests.PluginsFixture))]

namespace Vigil.Plugins.Tests;

/// <summary>
/// One console for the loader tests, started on a plugins directory holding good plugins (two carrying different
/// versions of one library, the sample, the Docker Registry plugin) and bad ones: one that throws in its constructor,
/// one for a future SDK major version, a corrupt assembly and one that never finishes starting.
/// </summary>
public sealed class PluginsFixture : IAsyncLifetime
{
    public const string StartupLimit = "00:00:03";

    public PluginFolders Folders { get; } = new PluginFolders()
        .AddBuilt("test.json-old")
        .AddBuilt("test.json-new")
        .AddBuilt("test.throwing")
        .AddBuilt("test.slow")
        .AddBuilt("vigil.sample")
        .AddBuilt("vigil.docker-registry")
        .AddBuilt("vigil.sample", asFolder: "test.future")
        .EditManifest("test.future", m => m.Replace("\"vigil.sample\"", "\"test.future\"").Replace("\"^1.0\"", "\"^2.0\""))
        .AddCorrupt("test.corrupt");

    public LogCapture Logs { get; } = new();

    public DashboardHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await DashboardHost.StartAsync(new DashboardOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["Vigil:Plugins:Directory"] = Folders.Path,
                ["Vigil:Plugins:Timeouts:Startup"] = StartupLimit,
                ["Logging:LogLevel:Default"] = "Information",
            },
        });
        Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Folders.Dispose();
    }
}
