namespace Vigil.Workflows.Contracts;

/// <summary>
/// Evaluates a named policy against a scan's findings for the Evaluate policy activity. Implemented by the console over
/// the scanner's policy model (CONTRACTS.md §7) and the policies page's storage.
/// </summary>
public interface IPolicyEvaluator
{
    /// <summary>Evaluates <paramref name="policyName"/> against the findings of <paramref name="scanId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No policy or scan of that name/id.</exception>
    Task<PolicyVerdict> EvaluateAsync(string policyName, string scanId, CancellationToken cancellationToken);
}
