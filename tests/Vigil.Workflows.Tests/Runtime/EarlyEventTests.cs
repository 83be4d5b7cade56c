using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class EarlyEventTests : EngineTestBase
{
    internal override WorkflowTestHost CreateHost() => new(Database, configureOptions: o => o.StimulusRetention = TimeSpan.FromMinutes(2));

    private static Vigil.Workflows.Model.WorkflowDefinition WaitFor(string scanId) => Manual("wait")
        .Add("wait", "Vigil.WaitForScan", Lit("scanId", scanId)).Add("after", "Vigil.Log", Lit("message", "after"))
        .Connect("start", "wait").Connect("wait", "after", "Completed").Build();

    [Fact]
    public async Task An_event_that_arrived_shortly_before_the_wait_resumes_it_once()
    {
        await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "e", "scan-a", Json(new { scanId = "scan-a" })));

        var first = await RunAsync(WaitFor("scan-a"));
        var second = await Host.Runtime.StartAsync("wait");

        Assert.Equal(WorkflowStatus.Finished, (await Host.Instances.GetAsync(first.Id))!.Status);
        Assert.Equal(WorkflowStatus.Suspended, (await Host.Instances.GetAsync(second!.Id))!.Status);
    }

    [Fact]
    public async Task A_kept_event_expires()
    {
        await Host.Runtime.DispatchAsync(new WorkflowEvent("ScanCompleted", "e", "scan-b", Json(new { scanId = "scan-b" })));
        Host.Time.Advance(TimeSpan.FromMinutes(3));

        var instance = await RunAsync(WaitFor("scan-b"));

        Assert.Equal(WorkflowStatus.Suspended, (await Host.Instances.GetAsync(instance.Id))!.Status);
    }
}
