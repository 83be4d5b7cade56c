using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class FaultAndRetryTests : EngineTestBase
{
    internal override WorkflowTestHost CreateHost() => new(Database, configureOptions: o =>
        o.Expressions = new Vigil.Workflows.Expressions.ExpressionLimits { Timeout = TimeSpan.FromMilliseconds(200) });

    [Fact]
    public async Task A_runaway_expression_faults_its_instance_with_a_clear_message_and_the_engine_goes_on()
    {
        var runaway = Manual("runaway").Add("spin", "Vigil.Log", Js("message", "while (true) {}")).Connect("start", "spin").Build();

        var instance = await RunAsync(runaway);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("spin", instance.FaultedActivityId);
        Assert.Contains("Input 'message' of activity 'spin'", instance.Error, StringComparison.Ordinal);
        Assert.Matches("exceeded its (time limit|limit of [0-9]+ statements)", instance.Error);
        var healthy = await RunAsync(Manual("healthy").Add("log", "Vigil.Log", Lit("message", "fine")).Connect("start", "log").Build());
        Assert.Equal(WorkflowStatus.Finished, healthy.Status);
    }

    [Fact]
    public async Task A_clr_access_attempt_faults_the_instance()
    {
        var instance = await RunAsync(Manual().Add("peek", "Vigil.Log", Js("message", "System.IO.File.ReadAllText('/etc/passwd')")).Connect("start", "peek").Build());

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Contains("System is not defined", instance.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journal_records_the_fault_with_its_error()
    {
        var instance = await RunAsync(Manual().Add("bad", "Vigil.SetVariable", Js("name", "''")).Connect("start", "bad").Build());

        var entry = (await JournalAsync(instance.Id)).Last();
        Assert.Equal(("bad", "faulted"), (entry.ActivityId, entry.Status));
        Assert.Contains("variable name", entry.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_runs_again_from_the_failed_activity_and_keeps_what_was_done_before()
    {
        // Fails while variables.ready is false; the retry sees the corrected variable and continues.
        var flow = Manual()
            .Variable("ready", false)
            .Add("first", "Vigil.Log", Lit("message", "once"))
            .Add("gate", "Vigil.Decision", Js("condition", "variables.ready ? true : 'not ready'"))
            .Add("after", "Vigil.Log", Lit("message", "after"))
            .Connect("start", "first").Connect("first", "gate").Connect("gate", "after", "True")
            .Build();
        var instance = await RunAsync(flow);
        Assert.Equal(WorkflowStatus.Faulted, instance.Status);

        var faulted = await Host.Instances.GetAsync(instance.Id);
        faulted!.State.Variables["ready"] = Json(true);
        await PatchStateAsync(faulted);
        var retried = await Host.Runtime.RetryAsync(instance.Id);

        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        var path = await PathAsync(instance.Id);
        Assert.Equal(["start", "first", "gate", "gate", "after"], path);
    }

    [Fact]
    public async Task Only_a_faulted_instance_can_be_retried()
    {
        var instance = await RunAsync(Manual().Build());

        await Assert.ThrowsAsync<InvalidOperationException>(() => Host.Runtime.RetryAsync(instance.Id));
    }

    [Fact]
    public async Task A_loop_through_a_wait_that_never_waits_is_stopped_by_the_burst_guard()
    {
        // Wait until a past time continues at once: the validator accepts the loop, the runtime guard stops it.
        await using var host = new WorkflowTestHost(Database, configureOptions: o => o.MaxActivitiesPerBurst = 50);
        var flow = Manual("spin")
            .Add("tick", "Vigil.Timer", Lit("at", "2000-01-01T00:00:00Z"))
            .Add("log", "Vigil.Log", Lit("message", "tick"))
            .Connect("start", "tick").Connect("tick", "log").Connect("log", "tick")
            .Build();
        await host.Definitions.PublishAsync(flow);

        var instance = await host.Runtime.StartAsync("spin");

        Assert.Equal(WorkflowStatus.Faulted, instance!.Status);
        Assert.Contains("runaway loop", instance.Error, StringComparison.Ordinal);
    }

    private async Task PatchStateAsync(WorkflowInstance instance)
    {
        // Stands in for an admin fixing data the flow reads (e.g. a variable) before retrying.
        var token = Guid.NewGuid().ToString("N");
        Assert.True(await Host.Instances.TryAcquireLeaseAsync(instance.Id, token, Host.Time.GetUtcNow(), Host.Time.GetUtcNow().AddMinutes(1)));
        await Host.Instances.SaveAsync(instance, false, token, null, new PendingChanges());
    }
}
