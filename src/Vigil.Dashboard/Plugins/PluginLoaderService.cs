namespace Vigil.Dashboard.Plugins;

/// <summary>Loads the plugins when the console starts, before it serves requests.</summary>
public sealed class PluginLoaderService(PluginCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => catalog.LoadAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
