using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Policies;

/// <summary>Evaluates findings against a <see cref="Policy"/>. Findings whose version was not comparable count too: a gate errs on the side of failing.</summary>
public static class PolicyEvaluator
{
    /// <summary>Evaluates <paramref name="findings"/> on <paramref name="today"/> (for ignore expiry).</summary>
    public static PolicyResult Evaluate(Policy policy, IReadOnlyList<Finding> findings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(findings);
        var active = policy.IgnoreIds.Where(r => r.IsActive(today)).ToList();
        var considered = new List<Finding>();
        var ignored = new List<Finding>();
        foreach (var finding in findings)
        {
            var skip = active.Any(r => finding.IsKnownAs(r.Id)) || (policy.IgnoreUnfixed && finding.FixedVersions.Count == 0);
            (skip ? ignored : considered).Add(finding);
        }

        var reasons = new List<string>();
        var summary = SeveritySummary.From(considered.Select(f => f.Severity.Level));
        if (policy.FailOn is { } threshold)
        {
            var over = considered.Count(f => f.Severity.Level >= threshold || (threshold == SeverityLevel.Unknown));
            if (over > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{over} finding(s) at or above {threshold.ToWord()}"));
            }
        }

        foreach (var (level, max) in policy.MaxCount.OrderByDescending(m => m.Key))
        {
            var count = summary.Count(level);
            if (count > max)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {level.ToWord()} finding(s), more than the {max} allowed"));
            }
        }

        if (policy.MaxTotal is { } maxTotal && considered.Count > maxTotal)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{considered.Count} finding(s), more than the {maxTotal} allowed"));
        }

        if (policy.MaxScore is { } maxScore)
        {
            var worst = considered.Where(f => f.Severity.Score > maxScore).MaxBy(f => f.Severity.Score);
            if (worst is not null)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{worst.Id} scores {worst.Severity.Score:0.0}, above the maximum {maxScore:0.0}"));
            }
        }

        foreach (var denied in policy.DenyIds)
        {
            var hit = considered.FirstOrDefault(f => f.IsKnownAs(denied));
            if (hit is not null)
            {
                reasons.Add($"denied advisory {denied} found ({hit.Id} in {hit.Package.Purl})");
            }
        }

        foreach (var pattern in policy.DenyPackages)
        {
            var regex = Glob(pattern);
            var hit = considered.FirstOrDefault(f => regex.IsMatch(f.Package.Purl) || regex.IsMatch(f.Key.Purl));
            if (hit is not null)
            {
                reasons.Add($"denied package {pattern} is vulnerable ({hit.Id} in {hit.Package.Purl})");
            }
        }

        return new PolicyResult(reasons.Count == 0, reasons, considered, ignored);
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
