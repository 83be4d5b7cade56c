using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Fires Delay and Timer bookmarks. The engine stores each bookmark's due time, so a periodic sweep catches up after
/// downtime and never fires one twice (a bookmark is consumed exactly once, even with several consoles sweeping).
/// A Quartz job store would need its own tables; the sweep keeps timers on the engine's own storage.
/// </summary>
public sealed class WorkflowTimerSweeper(IWorkflowRuntime runtime, ILogger<WorkflowTimerSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await runtime.ResumeDueTimersAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Resuming due workflow timers failed; retrying in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
