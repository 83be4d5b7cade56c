using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Once at start, resumes timer bookmarks already due: those whose Quartz job was lost (a database restored from before
/// the job was written). Quartz fires every other timer; a bookmark is consumed once, so overlapping with it is harmless.
/// </summary>
public sealed class WorkflowTimerCatchUp(IWorkflowRuntime runtime, ILogger<WorkflowTimerCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var resumed = await runtime.ResumeDueTimersAsync(stoppingToken);
            if (resumed > 0)
            {
                logger.LogInformation("Resumed {Count} workflow timer(s) that fell due while the console was down", resumed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Catching up due workflow timers failed; their Quartz jobs still fire them");
        }
    }
}
