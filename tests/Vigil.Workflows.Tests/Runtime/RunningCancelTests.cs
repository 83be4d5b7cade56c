using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class RunningCancelTests : EngineTestBase
{
    internal override WorkflowTestHost CreateHost() => new(Database, services => services.AddWorkflowActivity<HangActivity>());

    [Fact]
    public async Task Cancelling_an_instance_that_is_executing_here_stops_its_activity_and_records_cancelled()
    {
        await Host.Definitions.PublishAsync(Manual("hang").Add("hang", HangActivity.TypeName).Add("never", "Vigil.Log", Lit("message", "x"))
            .Connect("start", "hang").Connect("hang", "never").Build());
        HangActivity.Started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = Host.Runtime.StartAsync("hang");
        var instanceId = await HangActivity.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await Host.Runtime.CancelAsync(instanceId));
        var instance = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WorkflowStatus.Cancelled, instance!.Status);
        Assert.Equal(WorkflowStatus.Cancelled, (await Host.Instances.GetAsync(instanceId))!.Status);
        Assert.DoesNotContain("never", await PathAsync(instanceId));
    }

    /// <summary>Runs until cancelled.</summary>
    [Activity(TypeName, "Test", "Hang")]
    public sealed class HangActivity : IWorkflowActivity
    {
        public const string TypeName = "Test.Hang";

        internal static TaskCompletionSource<string> Started { get; set; } = new();

        public async ValueTask ExecuteAsync(IActivityContext context)
        {
            Started.TrySetResult(context.InstanceId);
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
    }
}
