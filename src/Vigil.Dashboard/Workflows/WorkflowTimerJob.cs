using Quartz;
using Vigil.Workflows.Runtime;

namespace Vigil.Dashboard.Workflows;

/// <summary>Resumes one timer bookmark when its Quartz trigger fires.</summary>
public sealed class WorkflowTimerJob(IWorkflowRuntime runtime) : IJob
{
    public const string BookmarkIdKey = "bookmarkId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var bookmarkId = context.MergedJobDataMap.GetString(BookmarkIdKey)!;
        await runtime.ResumeBookmarkAsync(bookmarkId, cancellationToken: cancellationToken);
    }
}
