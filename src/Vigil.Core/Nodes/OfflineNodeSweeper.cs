using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Core.Agents;

namespace Vigil.Core.Nodes;

/// <summary>
/// Marks nodes offline once they miss heartbeats for <see cref="AgentOptions.OfflineAfter"/>. It judges by the last
/// heartbeat stored in the database (flushed from <see cref="NodeHeartbeats"/> first), not by open connections, so it is right whichever console instance holds the
/// agent's connection and after a console restart.
/// </summary>
public sealed class OfflineNodeSweeper(NodeInventory inventory, NodeHeartbeats heartbeats, IOptions<AgentOptions> options, TimeProvider time, ILogger<OfflineNodeSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await heartbeats.FlushAsync(stoppingToken);
                var marked = await inventory.MarkSilentNodesOfflineAsync(time.GetUtcNow() - options.Value.OfflineAfter, stoppingToken);
                if (marked > 0)
                {
                    logger.LogInformation("{Count} node(s) went offline after missing heartbeats", marked);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Offline sweep failed; retrying on the next tick");
            }
        }
    }
}
