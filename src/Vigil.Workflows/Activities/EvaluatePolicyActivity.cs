using Vigil.Plugins.Sdk.Activities;
using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Activities;

/// <summary>Evaluates a named policy against a scan and continues along Pass or Fail.</summary>
[Activity("Vigil.EvaluatePolicy", "Scanning", "Evaluate policy", Description = "Checks a scan's findings against a policy.")]
[ActivityInput("policy", ActivityValueType.String, Required = true, UIHint = "policy-picker")]
[ActivityInput("scanId", ActivityValueType.String, Required = true)]
[ActivityOutcomes(Pass, Fail)]
[ActivityOutput("reasons", ActivityValueType.Array)]
public sealed class EvaluatePolicyActivity : IWorkflowActivity
{
    /// <summary>Outcome when the scan meets the policy.</summary>
    public const string Pass = "Pass";

    /// <summary>Outcome when it does not.</summary>
    public const string Fail = "Fail";

    private readonly IPolicyEvaluator _policies;

    /// <summary>Creates the activity.</summary>
    public EvaluatePolicyActivity(IPolicyEvaluator policies) => _policies = policies;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(IActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verdict = await _policies.EvaluateAsync(
            context.GetInput<string>("policy") ?? throw new InvalidOperationException("Evaluate policy needs a policy name."),
            context.GetInput<string>("scanId") ?? throw new InvalidOperationException("Evaluate policy needs a scanId."),
            context.CancellationToken);
        context.SetOutput("reasons", verdict.Reasons);
        context.Complete(verdict.Passed ? Pass : Fail);
    }
}
