using Vigil.Workflows.Model;
using Vigil.Workflows.Validation;

namespace Vigil.Workflows.Tests.Validation;

/// <summary>Which Remove node activities sit behind a failed policy: the rule for flows that act on machines.</summary>
public sealed class PolicyGuardTests
{
    [Fact]
    public void A_removal_reached_only_through_a_failed_policy_is_guarded_by_that_policy()
    {
        var flow = Flow(("start", "Done", "policy"), ("policy", "Fail", "notify"), ("notify", "Done", "remove"), ("policy", "Pass", "label"));

        Assert.Equal(["default"], PolicyGuard.FailedPoliciesGuarding(flow, "remove"));
    }

    [Fact]
    public void A_removal_also_reachable_without_a_failed_policy_is_not_guarded()
    {
        var direct = Flow(("start", "Done", "remove"));
        var throughPass = Flow(("start", "Done", "policy"), ("policy", "Pass", "remove"));
        var eitherWay = Flow(("start", "Done", "policy"), ("policy", "Fail", "remove"), ("start", "Done", "label"), ("label", "Done", "remove"));

        Assert.Null(PolicyGuard.FailedPoliciesGuarding(direct, "remove"));
        Assert.Null(PolicyGuard.FailedPoliciesGuarding(throughPass, "remove"));
        Assert.Null(PolicyGuard.FailedPoliciesGuarding(eitherWay, "remove"));
        Assert.Null(PolicyGuard.FailedPoliciesGuarding(Flow(("start", "Done", "policy"), ("policy", "Fail", "remove")), "no-such-activity"));
    }

    private static WorkflowDefinition Flow(params (string Source, string Outcome, string Target)[] connections) => new()
    {
        Id = "f",
        Activities =
        [
            new ActivityNode("start", "Vigil.Manual"),
            new ActivityNode("policy", "Vigil.EvaluatePolicy", new Dictionary<string, ActivityInput> { ["policy"] = ActivityInput.Literal("default") }),
            new ActivityNode("notify", "Vigil.Notify"),
            new ActivityNode("label", "Vigil.AddLabel"),
            new ActivityNode("remove", "Vigil.RemoveNode"),
        ],
        Connections = connections.Select(c => new Connection(c.Source, c.Outcome, c.Target)).ToArray(),
    };
}
