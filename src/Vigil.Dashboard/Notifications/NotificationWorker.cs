using Microsoft.Extensions.Options;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Plugins.Sdk.Notifications;

namespace Vigil.Dashboard.Notifications;

/// <summary>
/// The background job of notifications: closes due digest windows and sends due deliveries, each on its own task
/// (at most <see cref="NotificationOptions.MaxConcurrentSends"/>), so one slow or failing channel never holds up another.
/// It polls the <c>due_at</c> columns every <see cref="NotificationOptions.PollInterval"/> and wakes at once when the
/// router queues something. A scheduler can drive the same work by calling <see cref="RunDueAsync"/>.
/// </summary>
public sealed class NotificationWorker(
    DeliveryQueue deliveries,
    DigestQueue digests,
    NotificationRuleStore rules,
    IntegrationService integrations,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentSends));
    private readonly List<Task> _inFlight = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Notification delivery pass failed; retrying at the next poll");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_inFlight.ToArray());
    }

    /// <summary>One pass: flush closed digests, then start sending every due delivery there is a free slot for.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        if (await digests.FlushDueAsync(NamesAsync, cancellationToken) > 0)
        {
            logger.LogInformation("Notification digests queued");
        }

        _inFlight.RemoveAll(t => t.IsCompleted);
        var claimed = await deliveries.ClaimDueAsync(_slots.CurrentCount, options.Value.ClaimLease, cancellationToken);
        foreach (var work in claimed)
        {
            await _slots.WaitAsync(cancellationToken);
            _inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await SendAsync(work, cancellationToken);
                }
                finally
                {
                    _slots.Release();
                    signal.Notify(); // a slot is free: look again
                }
            }, CancellationToken.None));
        }
    }

    private async Task SendAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var attempts = work.Attempts + 1;
        try
        {
            if (await integrations.GetWithSecretsAsync(work.IntegrationId, cancellationToken) is not { } stored)
            {
                await deliveries.FailedAsync(work.Id, attempts, $"the channel '{work.ChannelName}' was removed", null, null, CancellationToken.None);
                return;
            }

            await integrations.UseAsync<INotificationChannel, bool>(stored, async (channel, ct) =>
            {
                await channel.SendAsync(work.Message, ct);
                return true;
            }, "notification", cancellationToken);
            await deliveries.DeliveredAsync(work.Id, attempts, CancellationToken.None);
        }
        catch (PluginCallException ex)
        {
            var failure = ex.InnerException as NotificationDeliveryException;
            var error = failure?.Message ?? ex.Message;
            var retryAt = attempts < options.Value.MaxAttempts ? time.GetUtcNow() + options.Value.Backoff(attempts) : (DateTimeOffset?)null;
            logger.LogWarning("Notification to {Channel} failed (attempt {Attempt}): {Error}{Retry}", work.ChannelName, attempts, error,
                retryAt is null ? "; giving up" : $"; retrying at {retryAt:u}");
            await deliveries.FailedAsync(work.Id, attempts, error, failure?.StatusCode, retryAt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claim's lease runs out and the delivery is sent after the restart.
        }
    }

    private async Task<(string? RuleName, string? ChannelName)> NamesAsync(string ruleId, string integrationId) =>
        ((await rules.GetAsync(ruleId))?.Name, (await integrations.GetWithSecretsAsync(integrationId))?.Integration.Name);
}
