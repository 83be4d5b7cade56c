using System.Text.Json;
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
        var firedAt = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).ToUniversalTime();
        var payload = JsonSerializer.SerializeToElement(new { type = "Cron", definitionId, activityId, firedAt });
        try
        {
            await runtime.StartAsync(
                definitionId, payload, new StartOptions(activityId, StartKey: $"cron:{definitionId}:{activityId}:{firedAt:O}"), cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            // Unpublished or changed since the trigger was scheduled; the next sync removes it.
            logger.LogWarning("Cron trigger {Activity} of workflow {Definition} did not start it: {Reason}", activityId, definitionId, ex.Message);
        }
    }
}
