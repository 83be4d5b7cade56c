using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Plugins.Sdk.Cloud;

namespace Vigil.Dashboard.Cloud;

/// <summary>
/// Builds each cloud integration's connector once at start (no call is made on it), so a plugin whose activities
/// look up their configured instances by name — the local fleet's Launch — knows them before first use.
/// </summary>
public sealed class CloudConnectorWarmUp(CloudNodeResolver clouds, IntegrationService integrations, ILogger<CloudConnectorWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var integration in await clouds.ListAsync(cancellationToken))
        {
            try
            {
                if (await integrations.GetWithSecretsAsync(integration.Id, cancellationToken) is { } stored)
                {
                    await integrations.UseAsync<ICloudProvider, bool>(stored, (_, _) => Task.FromResult(true), "start", cancellationToken);
                }
            }
            catch (PluginCallException ex)
            {
                logger.LogWarning("Cloud integration {Integration} is not usable: {Error}", integration.Name, ex.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
