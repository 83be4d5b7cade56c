using System.Text.Json;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Activities;

public sealed class FlowActivitiesTests : EngineTestBase
{
    [Theory]
    [InlineData(5, "big")]
    [InlineData(1, "small")]
    public async Task Decision_follows_True_or_False(int count, string expected)
    {
        var flow = Manual()
            .Add("check", "Vigil.Decision", Js("condition", "input.count > 2"))
            .Add("big", "Vigil.Log", Lit("message", "big"))
            .Add("small", "Vigil.Log", Lit("message", "small"))
            .Connect("start", "check").Connect("check", "big", "True").Connect("check", "small", "False")
            .Build();

        var instance = await RunAsync(flow, new { count });

        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(["start", "check", expected], await PathAsync(instance.Id));
    }

    [Fact]
    public async Task Decision_refuses_a_non_boolean_condition()
    {
        var flow = Manual().Add("check", "Vigil.Decision", Js("condition", "'false'")).Connect("start", "check").Build();

        var instance = await RunAsync(flow);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("check", instance.FaultedActivityId);
        Assert.Contains("must be a boolean", instance.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("host", "h")]
    [InlineData("image", "i")]
    [InlineData("container", "d")]
    public async Task Switch_follows_the_matching_case_or_Default(string kind, string expected)
    {
        var flow = Manual()
            .Add("route", "Vigil.Switch", Js("value", "input.kind"), Lit("cases", new[] { "host", "image" }))
            .Add("h", "Vigil.Log", Lit("message", "h")).Add("i", "Vigil.Log", Lit("message", "i")).Add("d", "Vigil.Log", Lit("message", "d"))
            .Connect("start", "route").Connect("route", "h", "host").Connect("route", "i", "image").Connect("route", "d", "Default")
            .Build();

        var instance = await RunAsync(flow, new { kind });

        Assert.Equal(expected, (await PathAsync(instance.Id)).Last());
    }

    [Fact]
    public async Task Set_variable_is_visible_to_later_expressions_and_stored()
    {
        var flow = Manual()
            .Variable("attempts", 1)
            .Add("inc", "Vigil.SetVariable", Lit("name", "attempts"), Js("value", "variables.attempts + input.step"))
            .Add("log", "Vigil.Log", Js("message", "'attempts=' + variables.attempts"))
            .Connect("start", "inc").Connect("inc", "log")
            .Build();

        var instance = await RunAsync(flow, new { step = 41 });

        var stored = await Host.Instances.GetAsync(instance.Id);
        Assert.Equal(42, stored!.State.Variables["attempts"].GetInt32());
        Assert.Equal("attempts=42", stored.State.Outputs["log"]["message"].GetString());
    }

    [Fact]
    public async Task Outputs_of_earlier_activities_are_visible_as_activities_id_outputs()
    {
        var flow = Manual()
            .Add("first", "Vigil.Log", Lit("message", "from first"))
            .Add("second", "Vigil.Log", Js("message", "activities.first.outputs.message.toUpperCase()"))
            .Connect("start", "first").Connect("first", "second")
            .Build();

        var instance = await RunAsync(flow);

        var journal = await JournalAsync(instance.Id);
        Assert.Contains("FROM FIRST", journal.Single(j => j.ActivityId == "second").OutputsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fork_runs_every_branch_and_join_waitAll_runs_once_after_the_last()
    {
        var flow = Manual()
            .Add("fork", "Vigil.Fork", Lit("branches", new[] { "a", "b", "c" }))
            .Add("a", "Vigil.Log", Lit("message", "a")).Add("b", "Vigil.Log", Lit("message", "b"))
            .Add("c1", "Vigil.Log", Lit("message", "c1")).Add("c2", "Vigil.Log", Lit("message", "c2"))
            .Add("join", "Vigil.Join")
            .Add("after", "Vigil.Log", Lit("message", "after"))
            .Connect("start", "fork").Connect("fork", "a", "a").Connect("fork", "b", "b").Connect("fork", "c1", "c")
            .Connect("c1", "c2").Connect("a", "join").Connect("b", "join").Connect("c2", "join").Connect("join", "after")
            .Build();

        var instance = await RunAsync(flow);

        var path = await PathAsync(instance.Id);
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Single(path, "join");
        Assert.Single(path, "after");
        Assert.True(Array.IndexOf(path, "join") > Array.IndexOf(path, "c2"), string.Join(",", path));
    }

    [Fact]
    public async Task Join_waitAny_continues_on_the_first_branch_only()
    {
        var flow = Manual()
            .Add("fork", "Vigil.Fork", Lit("branches", new[] { "a", "b" }))
            .Add("a", "Vigil.Log", Lit("message", "a")).Add("b", "Vigil.Log", Lit("message", "b"))
            .Add("join", "Vigil.Join", Lit("mode", "waitAny"))
            .Add("after", "Vigil.Log", Lit("message", "after"))
            .Connect("start", "fork").Connect("fork", "a", "a").Connect("fork", "b", "b")
            .Connect("a", "join").Connect("b", "join").Connect("join", "after")
            .Build();

        var instance = await RunAsync(flow);

        var path = await PathAsync(instance.Id);
        Assert.Single(path, "after");
        Assert.Contains("b", path);
    }

    [Fact]
    public async Task Join_waits_for_a_branch_that_suspends()
    {
        var flow = Manual()
            .Add("fork", "Vigil.Fork", Lit("branches", new[] { "fast", "slow" }))
            .Add("fast", "Vigil.Log", Lit("message", "fast"))
            .Add("slow", "Vigil.Approval", Lit("title", "ok?"))
            .Add("join", "Vigil.Join")
            .Add("after", "Vigil.Log", Lit("message", "after"))
            .Connect("start", "fork").Connect("fork", "fast", "fast").Connect("fork", "slow", "slow")
            .Connect("fast", "join").Connect("slow", "join", "Approved").Connect("join", "after")
            .Build();

        var instance = await RunAsync(flow);
        Assert.Equal(WorkflowStatus.Suspended, instance.Status);
        Assert.DoesNotContain("after", await PathAsync(instance.Id));

        var bookmark = Assert.Single(await Host.Bookmarks.ListAsync(instance.Id, null));
        Assert.Equal(ResumeResult.Resumed, await Host.Runtime.ResumeBookmarkAsync(bookmark.Id, Json(new { approved = true })));

        Assert.Equal(WorkflowStatus.Finished, (await Host.Instances.GetAsync(instance.Id))!.Status);
        Assert.Single(await PathAsync(instance.Id), "after");
    }

    [Fact]
    public async Task Log_writes_the_message_as_its_output()
    {
        var instance = await RunAsync(Manual().Add("log", "Vigil.Log", Js("message", "'node ' + input.nodeId"), Lit("level", "warning")).Connect("start", "log").Build(), new { nodeId = "n1" });

        var entry = (await JournalAsync(instance.Id)).Single(j => j.ActivityId == "log");
        Assert.Equal("completed", entry.Status);
        Assert.Equal("Done", entry.Outcomes);
        Assert.Equal("node n1", JsonDocument.Parse(entry.OutputsJson!).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_manual_trigger_exposes_the_start_input_as_its_event_output()
    {
        var instance = await RunAsync(Manual().Build(), new { reason = "test" });

        var entry = Assert.Single(await JournalAsync(instance.Id));
        Assert.Contains("\"reason\":\"test\"", entry.OutputsJson, StringComparison.Ordinal);
    }
}
