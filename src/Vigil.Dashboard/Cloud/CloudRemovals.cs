using Microsoft.Extensions.Options;
using Vigil.Core.Nodes;
using Vigil.Dashboard.Integrations;
using Vigil.Dashboard.Plugins;
using Vigil.Plugins.Sdk.Cloud;

namespace Vigil.Dashboard.Cloud;

/// <summary>
/// Quarantines or terminates a node's machine through the cloud integration that confirmed it. Every attempt's
/// result lands on the node's timeline and in the audit log (who, why, via which integration, what the provider
/// answered); a failed attempt is kept in <c>cloud_removals</c> and retried with doubling delays until
/// <see cref="CloudOptions.MaxAttempts"/>, each failure raising a notification.
/// </summary>
public sealed class CloudRemovals(
    CloudRemovalStore store,
    IntegrationService integrations,
    NodeAdministration nodes,
    IOptions<CloudOptions> options,
    TimeProvider time,
    ILogger<CloudRemovals> logger)
{
    /// <summary>Records the removal and makes its first attempt; returns what happened, for people and journals.</summary>
    public async Task<string> StartAsync(string nodeId, CloudMapping mapping, bool terminate, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var now = time.GetUtcNow();
        var removal = new CloudRemoval
        {
            Id = Guid.CreateVersion7().ToString("N"),
            NodeId = nodeId,
            IntegrationId = mapping.Integration.Integration.Id,
            InstanceId = mapping.Instance.Id,
            Mode = terminate ? "terminate" : "quarantine",
            Reason = reason,
            RequestedBy = requestedBy,
            Status = "pending",
            NextAttemptAt = now.ToUnixTimeMilliseconds(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.InsertAsync(removal, cancellationToken);
        return await AttemptAsync(removal, cancellationToken);
    }

    /// <summary>Tries a pending removal once more (the retry sweep calls this).</summary>
    public async Task<string> AttemptAsync(CloudRemoval removal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(removal);
        var attempt = removal.Attempts + 1;
        var stored = await integrations.GetWithSecretsAsync(removal.IntegrationId, cancellationToken);
        var via = $"{stored?.Integration.Name ?? "deleted integration " + removal.IntegrationId} ({removal.InstanceId})";
        var verb = removal.Terminates ? "terminated" : "quarantined";
        try
        {
            if (stored is null)
            {
                throw new PluginCallException("the cloud integration was deleted");
            }

            var answer = await integrations.UseAsync<ICloudProvider, string>(stored, (provider, ct) => ActAsync(provider, removal, ct), removal.Mode, cancellationToken);
            await store.UpdateAsync(removal with { Status = "done", Attempts = attempt, LastError = null, UpdatedAt = time.GetUtcNow() }, cancellationToken);
            await nodes.RecordCloudActionAsync(removal.NodeId, removal.Terminates, removal.RequestedBy, removal.Reason, via, answer, cancellationToken);
            logger.LogInformation("Node {Node} {Verb} via {Via}: {Answer}", removal.NodeId, verb, via, answer);
            return $"Node {verb} via {via}: {answer}.";
        }
        catch (PluginCallException ex)
        {
            var retry = attempt < options.Value.MaxAttempts && stored is not null;
            var next = retry ? time.GetUtcNow() + options.Value.DelayAfter(attempt) : (DateTimeOffset?)null;
            await store.UpdateAsync(removal with
            {
                Status = retry ? "pending" : "failed",
                Attempts = attempt,
                NextAttemptAt = next?.ToUnixTimeMilliseconds() ?? removal.NextAttemptAt,
                LastError = ex.Message,
                UpdatedAt = time.GetUtcNow(),
            }, cancellationToken);
            await nodes.RecordRemovalFailedAsync(removal.NodeId, removal.RequestedBy, removal.Reason, via, ex.Message, attempt, next, cancellationToken);
            logger.LogWarning("Node {Node} could not be {Verb} via {Via} (attempt {Attempt}): {Error}", removal.NodeId, verb, via, attempt, ex.Message);
            return $"The node could not be {verb} via {via}: {ex.Message}. " +
                (next is { } at ? $"Retrying at {at:u} (attempt {attempt} of {options.Value.MaxAttempts})." : "Given up: act on the machine by hand.");
        }
    }

    /// <summary>Acts, then asks the provider how the instance is now: its answer is what the audit log records.</summary>
    private static async Task<string> ActAsync(ICloudProvider provider, CloudRemoval removal, CancellationToken cancellationToken)
    {
        var needed = removal.Terminates ? CloudCapabilities.Terminate : CloudCapabilities.Quarantine;
        if (!provider.Capabilities.HasFlag(needed))
        {
            throw new NotSupportedException($"this connector cannot {removal.Mode} instances");
        }

        if (removal.Terminates)
        {
            await provider.TerminateAsync(removal.InstanceId, cancellationToken);
        }
        else
        {
            await provider.QuarantineAsync(removal.InstanceId, removal.Reason, cancellationToken);
        }

        var after = await provider.DescribeAsync(removal.InstanceId, cancellationToken);
        return after is null ? "the instance no longer exists" : $"the instance is {after.State}";
    }
}
