using Vigil.Workflows.Contracts;

namespace Vigil.Workflows.Tests.Support;

/// <summary>Fails the scans listed in <see cref="Failing"/> against any policy.</summary>
internal sealed class FixedPolicyEvaluator : IPolicyEvaluator
{
    public HashSet<string> Failing { get; } = [];

    public Task<PolicyVerdict> EvaluateAsync(string policyName, string scanId, CancellationToken cancellationToken) =>
        Task.FromResult(Failing.Contains(scanId)
            ? new PolicyVerdict(false, [$"{policyName}: 1 critical finding (max 0)"])
            : new PolicyVerdict(true, []));
}
