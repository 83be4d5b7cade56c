using Quartz;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Starts a flow from its Cron trigger. The start key is the scheduled fire time, so a trigger fired twice for the
/// same time (a misfire recovered on two consoles, a retry) starts one instance.
/// </summary>
public sealed class WorkflowCronJob(IWorkflowRuntime runtime, ILogger<WorkflowCronJob> logger) : IJob
{
    public const string DefinitionIdKey = "definitionId";
    public const string ActivityIdKey = "activityId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var definitionId = context.MergedJobDataMap.GetString(DefinitionIdKey)!;
        var activityId = context.MergedJobDataMap.GetString(ActivityIdKey)!;
        await StartAsync(definitionId, activityId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
    }

    /// <summary>Starts the flow for the fire time; null when this fire time already started it (or it cannot start).</summary>
    public async Task<string?> StartAsync(string definitionId, string activityId, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        var firedAt = fireTime.ToUniversalTime();
        var payload = TriggerPayloads.Cron(definitionId, activityId, firedAt);
        try
        {
            var instance = await runtime.StartAsync(
                definitionId, payload, new StartOptions(activityId, StartKey: $"cron:{definitionId}:{activityId}:{firedAt:O}"), cancellationToken);
            return instance?.Id;
        }
        catch (InvalidOperationException ex)
        {
            // Unpublished or changed since the trigger was scheduled; the next sync removes it.
            logger.LogWarning("Cron trigger {Activity} of workflow {Definition} did not start it: {Reason}", activityId, definitionId, ex.Message);
            return null;
        }
    }
}
