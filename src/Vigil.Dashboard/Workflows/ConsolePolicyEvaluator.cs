using Vigil.Core.Scans;
using Vigil.Dashboard.Policies;
using Vigil.Scanning.Matching;
using Vigil.Scanning.Policies;
using Vigil.Scanning.Severity;
using Vigil.Workflows.Contracts;

namespace Vigil.Dashboard.Workflows;

/// <summary>
/// Evaluate policy for flows: the named policy from the Policies page against a completed scan's stored findings,
/// with the scanner's own evaluator, so a flow, <c>vigil scan --policy</c> and a schedule judge alike. Findings triaged
/// as accepted or false positive (and not expired) are left out, as contracts §6 asks.
/// </summary>
public sealed class ConsolePolicyEvaluator(PolicyStore policies, ScanStore scans, ScanResults results, TimeProvider time) : IPolicyEvaluator
{
    public async Task<PolicyVerdict> EvaluateAsync(string policyName, string scanId, CancellationToken cancellationToken)
    {
        var policy = await policies.ReadAsync(policyName, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no policy named '{policyName}'. Create it on the Policies page.");
        var scan = await scans.GetAsync(scanId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no scan '{scanId}'.");
        if (scan.Status != ScanStatus.Complete)
        {
            throw new InvalidOperationException(
                $"Scan {scanId} of {scan.NodeName} is {scan.Status.ToString().ToLowerInvariant()}, not complete: there are no findings to judge.");
        }

        var now = time.GetUtcNow();
        var findings = new List<Finding>();
        for (var skip = 0; ; skip += FindingQuery.MaxTake)
        {
            var page = await results.FindingsOfScanAsync(scanId, new FindingQuery(Skip: skip, Take: FindingQuery.MaxTake), cancellationToken);
            findings.AddRange(page.Items.Where(f => f.Triage is not { } t || !t.IsActiveAt(now)).Select(ToFinding));
            if (page.Items.Count < FindingQuery.MaxTake)
            {
                break;
            }
        }

        var result = PolicyEvaluator.Evaluate(policy, findings, DateOnly.FromDateTime(now.UtcDateTime));
        return new PolicyVerdict(result.Passed, result.Reasons);
    }

    /// <summary>The stored record back in the scanner's shape; the key is "advisory|purl|location" (contracts §6).</summary>
    private static Finding ToFinding(FindingRecord record)
    {
        var key = record.Key.Split('|', 3);
        var level = Enum.TryParse<SeverityLevel>(record.Severity, ignoreCase: true, out var parsed) ? parsed : SeverityLevel.Unknown;
        return new Finding(
            new FindingKey(key[0], key.Length > 1 ? key[1] : record.Package.Purl, key.Length > 2 ? key[2] : record.Location),
            record.Id,
            record.Aliases,
            record.Summary,
            new SeverityRating(level, record.Score, "stored"),
            new FindingPackage(record.Package.Name, record.Package.Version, record.Package.Ecosystem, record.Package.Purl),
            record.FixedVersions,
            "console",
            record.Status == "affected" ? FindingStatus.Affected : FindingStatus.VersionNotComparable);
    }
}
