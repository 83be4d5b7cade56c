using Vigil.Scanning.Matching;
using Vigil.Scanning.Policies;
using Vigil.Scanning.Reports;

namespace Vigil.Cli.Scan;

/// <summary>Runs one scan: SBOM, snapshot, match, policy, report; returns the exit code.</summary>
public static class ScanRunner
{
    /// <summary>Runs <paramref name="request"/>, writing the report to <paramref name="stdout"/> or the output file.</summary>
    public static async Task<int> RunAsync(ScanRequest request, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        var policy = request.Policy is null ? new Policy() : await PolicySource.LoadAsync(request.Policy, request.Console, cancellationToken);
        var ignoreRules = request.IgnoreFile is null ? [] : IgnoreFileReader.ReadFile(request.IgnoreFile);
        policy = Merge(policy, request.Overrides, ignoreRules);
        var (document, unidentified) = await SbomSource.LoadAsync(request, cancellationToken);
        if (request.Console is not null)
        {
            var scanId = await SbomPush.PushAsync(request, document, cancellationToken);
            await Console.Error.WriteLineAsync($"SBOM pushed to {request.Console} (scan {scanId})");
        }
        using var snapshot = await SnapshotSource.OpenAsync(request, cancellationToken);
        var match = new Matcher(snapshot.Snapshot).Match(document.Components, document.OperatingSystem);
        var evaluation = PolicyEvaluator.Evaluate(policy, match.Findings, DateOnly.FromDateTime(DateTime.UtcNow));
        var gate = request.HasCriteria || request.Policy is not null;
        var report = new ScanReport(
            request.Sbom ?? request.Target!,
            match.SnapshotId,
            document.Components,
            evaluation.Considered,
            evaluation.Ignored,
            unidentified.Concat(match.Unmatched.Select(u => (u.Component.Purl, u.Reason))).ToList(),
            gate ? evaluation : null);

        await using (var output = request.Output is null ? null : File.Create(request.Output))
        {
            await WriteAsync(report, document.OperatingSystem, request.Format, output, stdout);
        }

        return gate && !evaluation.Passed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static async Task WriteAsync(ScanReport report, Vigil.Scanning.Sbom.OperatingSystemIdentity? os, ReportFormat format, Stream? file, TextWriter stdout)
    {
        if (format == ReportFormat.Table)
        {
            if (file is null)
            {
                TableReportWriter.Write(report, stdout);
                return;
            }

            await using var writer = new StreamWriter(file);
            TableReportWriter.Write(report, writer);
            return;
        }

        using var buffer = new MemoryStream();
        switch (format)
        {
            case ReportFormat.Json:
                JsonReportWriter.Write(report, buffer);
                break;
            case ReportFormat.Sarif:
                SarifReportWriter.Write(report, buffer, typeof(ScanRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                break;
            default:
                CycloneDxVexWriter.Write(report, os, buffer);
                break;
        }

        if (file is not null)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(file);
        }
        else
        {
            await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    /// <summary>Options given on the command line tighten the policy; ignore rules add up.</summary>
    private static Policy Merge(Policy policy, Policy overrides, IReadOnlyList<IgnoreRule> ignoreFile)
    {
        var maxCount = new Dictionary<Vigil.Scanning.Severity.SeverityLevel, int>(policy.MaxCount);
        foreach (var (level, max) in overrides.MaxCount)
        {
            maxCount[level] = maxCount.TryGetValue(level, out var existing) ? Math.Min(existing, max) : max;
        }

        return policy with
        {
            MaxCount = maxCount,
            MaxTotal = Min(policy.MaxTotal, overrides.MaxTotal),
            MaxScore = policy.MaxScore is null ? overrides.MaxScore : overrides.MaxScore is null ? policy.MaxScore : Math.Min(policy.MaxScore.Value, overrides.MaxScore.Value),
            FailOn = policy.FailOn is null ? overrides.FailOn : overrides.FailOn is null ? policy.FailOn : (policy.FailOn < overrides.FailOn ? policy.FailOn : overrides.FailOn),
            DenyIds = [.. policy.DenyIds, .. overrides.DenyIds],
            IgnoreUnfixed = policy.IgnoreUnfixed || overrides.IgnoreUnfixed,
            IgnoreIds = [.. policy.IgnoreIds, .. overrides.IgnoreIds, .. ignoreFile],
        };
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
