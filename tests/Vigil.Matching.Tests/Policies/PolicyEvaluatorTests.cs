using Vigil.Matching.Tests.Support;
using Vigil.Scanning.Policies;
using Vigil.Scanning.Severity;

namespace Vigil.Matching.Tests.Policies;

public sealed class PolicyEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Vigil.Scanning.Matching.Finding[] Sample =
    [
        Findings.Make("GHSA-1", SeverityLevel.Critical, 9.8, ["CVE-2021-1"]),
        Findings.Make("GHSA-2", SeverityLevel.High, 7.5, ["CVE-2021-2"], fixedVersions: []),
        Findings.Make("GHSA-3", SeverityLevel.Unknown, purl: "pkg:npm/minimist@1.2.0"),
    ];

    [Fact]
    public void An_empty_policy_passes()
    {
        var result = PolicyEvaluator.Evaluate(new Policy(), Sample, Today);
        Assert.True(result.Passed);
        Assert.Equal(3, result.Considered.Count);
    }

    [Theory]
    [InlineData(SeverityLevel.Critical, false)]
    [InlineData(SeverityLevel.High, false)]
    public void Fail_on_threshold(SeverityLevel threshold, bool passes) =>
        Assert.Equal(passes, PolicyEvaluator.Evaluate(new Policy { FailOn = threshold }, Sample, Today).Passed);

    [Fact]
    public void Fail_on_critical_passes_when_only_lower_findings_remain()
    {
        var result = PolicyEvaluator.Evaluate(new Policy { FailOn = SeverityLevel.Critical }, Sample[1..], Today);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Per_severity_counts_include_unknown()
    {
        var policy = new Policy { MaxCount = new Dictionary<SeverityLevel, int> { [SeverityLevel.Unknown] = 0, [SeverityLevel.High] = 1 } };

        var result = PolicyEvaluator.Evaluate(policy, Sample, Today);

        Assert.False(result.Passed);
        Assert.Equal(["1 unknown finding(s), more than the 0 allowed"], result.Reasons);
    }

    [Fact]
    public void Total_and_score_limits()
    {
        var result = PolicyEvaluator.Evaluate(new Policy { MaxTotal = 2, MaxScore = 9.0 }, Sample, Today);

        Assert.Equal(["3 finding(s), more than the 2 allowed", "GHSA-1 scores 9.8, above the maximum 9.0"], result.Reasons);
    }

    [Fact]
    public void Denied_ids_match_aliases_and_denied_packages_match_purl_patterns()
    {
        var result = PolicyEvaluator.Evaluate(new Policy { DenyIds = ["cve-2021-2"], DenyPackages = ["pkg:npm/minimist@*"] }, Sample, Today);

        Assert.Equal(2, result.Reasons.Count);
        Assert.Contains("denied advisory cve-2021-2 found (GHSA-2", result.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("denied package pkg:npm/minimist@*", result.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Ignore_rules_apply_until_they_expire_and_ignore_unfixed_drops_findings_without_a_fix()
    {
        var policy = new Policy
        {
            FailOn = SeverityLevel.High,
            IgnoreUnfixed = true,
            IgnoreIds = [new IgnoreRule("CVE-2021-1", new DateOnly(2026, 12, 1), "accepted")],
        };

        var now = PolicyEvaluator.Evaluate(policy, Sample, Today);
        var later = PolicyEvaluator.Evaluate(policy, Sample, new DateOnly(2026, 12, 1));

        Assert.True(now.Passed);
        Assert.Equal(["GHSA-1", "GHSA-2"], now.Ignored.Select(f => f.Id).ToArray());
        Assert.False(later.Passed);
        Assert.Equal(["GHSA-2"], later.Ignored.Select(f => f.Id).ToArray());
    }
}
