using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Workflows.Runtime;
using Vigil.Workflows.Tests.Support;
using Vigil.Workflows.Validation;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Runtime;

public sealed class TestRunTests : EngineTestBase
{
    private WorkflowTestRunner Runner => Host.Services.GetRequiredService<WorkflowTestRunner>();

    [Fact]
    public async Task A_draft_runs_with_sample_input_and_nothing_is_stored()
    {
        var draft = Manual("draft")
            .Add("check", "Vigil.Decision", Js("condition", "input.critical > 0"))
            .Add("alert", "Vigil.Log", Js("message", "'critical: ' + input.critical"))
            .Add("ask", "Vigil.Approval", Lit("title", "remove?"))
            .Connect("start", "check").Connect("check", "alert", "True").Connect("alert", "ask")
            .Build();

        var result = await Runner.RunAsync(draft, Json(new { critical = 2 }));

        Assert.Equal(WorkflowStatus.Suspended, result.Instance.Status);
        Assert.Equal(["start", "check", "alert", "ask"], result.Journal.Select(j => j.ActivityId));
        Assert.Equal("ask", Assert.Single(result.Bookmarks).ActivityId);
        await using var connection = await Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM workflow_instances"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM workflow_bookmarks"));
    }

    [Fact]
    public async Task An_invalid_draft_is_refused_with_its_errors()
    {
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => Runner.RunAsync(Create("d").Add("x", "Vigil.Log").Build()));

        Assert.Contains(error.Result.Errors, e => e.Code == ValidationCodes.NoTrigger);
    }
}
