using Vigil.Workflows.Model;
using Vigil.Workflows.Tests.Support;
using Vigil.Workflows.Validation;
using static Vigil.Workflows.Tests.Support.Flow;

namespace Vigil.Workflows.Tests.Validation;

public sealed class WorkflowValidatorTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly WorkflowTestHost _host;

    public WorkflowValidatorTests() => _host = new WorkflowTestHost(_database);

    private WorkflowValidator Validator => (WorkflowValidator)_host.Services.GetService(typeof(WorkflowValidator))!;

    [Fact]
    public void A_well_formed_flow_has_no_errors()
    {
        var flow = Manual()
            .Add("check", "Vigil.Decision", Js("condition", "input.count > 2"))
            .Add("yes", "Vigil.Log", Lit("message", "big"))
            .Connect("start", "check").Connect("check", "yes", "True")
            .Build();

        var result = Validator.Validate(flow);

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Every_error_is_listed_with_the_activity_it_concerns()
    {
        var flow = Create()
            .Add("a", "Vigil.Log", Lit("message", 42))                       // wrong input type
            .Add("a", "Vigil.Log", Lit("message", "duplicate"))              // duplicate id
            .Add("mystery", "Acme.DoesNotExist")                             // unknown type
            .Add("decide", "Vigil.Decision")                                 // missing required input
            .Add("broken", "Vigil.SetVariable", Lit("name", "x"), Js("value", "1 +* 2")) // invalid JS
            .Connect("a", "ghost")                                           // dangling target
            .Connect("decide", "a", "Maybe")                                 // unknown outcome
            .Build();

        var errors = Validator.Validate(flow).Errors;

        Assert.Contains(errors, e => e.Code == ValidationCodes.WrongInputType && e.ActivityId == "a" && e.Input == "message");
        Assert.Contains(errors, e => e.Code == ValidationCodes.DuplicateId && e.ActivityId == "a");
        Assert.Contains(errors, e => e.Code == ValidationCodes.UnknownActivityType && e.ActivityId == "mystery");
        Assert.Contains(errors, e => e.Code == ValidationCodes.MissingInput && e.ActivityId == "decide" && e.Input == "condition");
        Assert.Contains(errors, e => e.Code == ValidationCodes.InvalidExpression && e.ActivityId == "broken" && e.Message.Contains("line 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == ValidationCodes.DanglingConnection && e.ConnectionIndex == 0 && e.Message.Contains("ghost", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == ValidationCodes.UnknownOutcome && e.ActivityId == "decide" && e.Message.Contains("Maybe", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == ValidationCodes.NoTrigger);
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void A_loop_without_a_waiting_activity_is_rejected_naming_its_activities()
    {
        var flow = Manual()
            .Add("one", "Vigil.Log", Lit("message", "1"))
            .Add("two", "Vigil.Log", Lit("message", "2"))
            .Connect("start", "one").Connect("one", "two").Connect("two", "one")
            .Build();

        var error = Assert.Single(Validator.Validate(flow).Errors);

        Assert.Equal(ValidationCodes.CycleWithoutWait, error.Code);
        Assert.Contains("one", error.Message, StringComparison.Ordinal);
        Assert.Contains("two", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_loop_is_a_loop_too()
    {
        var flow = Manual().Add("spin", "Vigil.Log", Lit("message", "x")).Connect("start", "spin").Connect("spin", "spin").Build();

        Assert.Equal(ValidationCodes.CycleWithoutWait, Assert.Single(Validator.Validate(flow).Errors).Code);
    }

    [Fact]
    public void A_loop_through_a_delay_is_accepted()
    {
        var flow = Manual()
            .Add("poll", "Vigil.HttpRequest", Lit("url", "http://127.0.0.1:1/"))
            .Add("wait", "Vigil.Delay", Lit("duration", "00:01:00"))
            .Connect("start", "poll").Connect("poll", "wait", "Failure").Connect("wait", "poll")
            .Build();

        Assert.True(Validator.Validate(flow).IsValid);
    }

    [Fact]
    public void Dynamic_outcomes_of_switch_cases_are_known_outcomes()
    {
        var flow = Manual()
            .Add("route", "Vigil.Switch", Js("value", "input.kind"), Lit("cases", new[] { "host", "image" }))
            .Add("h", "Vigil.Log", Lit("message", "host"))
            .Connect("start", "route").Connect("route", "h", "host").Connect("route", "h", "Default").Connect("route", "h", "container")
            .Build();

        var error = Assert.Single(Validator.Validate(flow).Errors);

        Assert.Equal(ValidationCodes.UnknownOutcome, error.Code);
        Assert.Contains("container", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_the_declared_options_is_a_wrong_input()
    {
        var flow = Manual().Add("log", "Vigil.Log", Lit("message", "m"), Lit("level", "loud")).Connect("start", "log").Build();

        var error = Assert.Single(Validator.Validate(flow).Errors);

        Assert.Equal((ValidationCodes.WrongInputType, "log", "level"), (error.Code, error.ActivityId, error.Input));
    }

    [Fact]
    public void Unknown_inputs_are_reported()
    {
        var flow = Manual().Add("log", "Vigil.Log", Lit("message", "m"), Lit("colour", "red")).Connect("start", "log").Build();

        var error = Assert.Single(Validator.Validate(flow).Errors);

        Assert.Equal((ValidationCodes.UnknownInput, "colour"), (error.Code, error.Input));
    }

    public void Dispose()
    {
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _database.Dispose();
    }
}
