namespace Vigil.Scanning.Policies;

/// <summary>An advisory id or alias to leave out, with an optional expiry (the rule stops applying that day) and reason.</summary>
/// <param name="Id">Advisory id or alias (matched case-insensitively against a finding's id and aliases).</param>
/// <param name="Expires">First day on which the rule no longer applies, if any.</param>
/// <param name="Reason">Why it is ignored (accepted risk, false positive, …).</param>
public sealed record IgnoreRule(string Id, DateOnly? Expires = null, string? Reason = null)
{
    /// <summary>Whether the rule applies on <paramref name="today"/>.</summary>
    public bool IsActive(DateOnly today) => Expires is null || today < Expires.Value;
}
