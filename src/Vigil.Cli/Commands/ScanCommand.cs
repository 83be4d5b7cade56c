using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Scan;
using Vigil.Scanning.Policies;
using Vigil.Scanning.Reports;
using Vigil.Scanning.Severity;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil scan &lt;target|--sbom FILE&gt;</c>: matches an SBOM against OSV advisories and acts as a CI gate. Exit codes:
/// 0 no fail criterion met, 1 a criterion met, 2 error (one line on stderr).
/// </summary>
public static class ScanCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var target = new Argument<string?>("target") { Description = "Directory, host root, OCI layout, docker/OCI archive or registry image (anything 'vigil sbom' takes)", Arity = ArgumentArity.ZeroOrOne };
        var sbom = new Option<string?>("--sbom") { Description = "Scan a CycloneDX 1.4–1.6 JSON SBOM (Vigil, Syft, Trivy, cdxgen) instead of a target" };
        var feed = new Option<string[]>("--feed") { Description = "Read OSV JSON directories or zips directly, without an imported store (repeatable)", AllowMultipleArgumentsPerToken = false };
        var store = new Option<string?>("--store") { Description = "Feed store directory (default: $VIGIL_STORE or the user's local data folder)" };
        var format = new Option<string?>("--format") { Description = "table (default), json, sarif or cyclonedx" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of stdout" };
        var failOn = new Option<string?>("--fail-on") { Description = "Fail on any finding at or above SEVERITY (critical, high, medium, low, unknown = any)" };
        var failOnCount = new Option<string?>("--fail-on-count") { Description = "Fail when N or more findings remain" };
        var perSeverity = new[] { SeverityLevel.Critical, SeverityLevel.High, SeverityLevel.Medium, SeverityLevel.Low, SeverityLevel.Unknown }
            .Select(level => (Level: level, Option: new Option<string?>($"--fail-on-{level.ToWord()}-count") { Description = $"Fail when N or more {level.ToWord()} findings remain" }))
            .ToArray();
        var failOnScore = new Option<string?>("--fail-on-score") { Description = "Fail when a finding's CVSS base score is X or more" };
        var ignoreUnfixed = new Option<bool>("--ignore-unfixed") { Description = "Leave out findings without a fixed version" };
        var ignoreFile = new Option<string?>("--ignore-file") { Description = "Ids or aliases to leave out, with optional exp:YYYY-MM-DD and reason (.trivyignore-style text or YAML)" };
        var ignoreIds = new Option<string[]>("--ignore-ids") { Description = "Advisory ids or aliases to mask, comma-separated or repeated" };
        var policy = new Option<string?>("--policy") { Description = "Policy FILE (JSON/YAML) or NAME fetched from --console" };
        var console = new Option<string?>("--console") { Description = "Console URL: pushes the SBOM there (an image or application node) and serves --policy NAME; API key from VIGIL_API_KEY" };
        var name = new Option<string?>("--name") { Description = "Node name of the SBOM pushed to --console (default: the target)" };

        var command = new Command("scan", "Match an SBOM or a target against OSV advisories; exit 1 when a fail criterion is met, 2 on error")
        {
            target, sbom, feed, store, format, output, failOn, failOnCount, failOnScore, ignoreUnfixed, ignoreFile, ignoreIds, policy, console, name,
        };
        foreach (var (_, option) in perSeverity)
        {
            command.Options.Add(option);
        }

        command.TreatUnmatchedTokensAsErrors = false;
        command.Action = new ExitCodeAction((parseResult, cancellationToken) =>
        {
            var targetValue = parseResult.GetValue(target);
            var sbomValue = parseResult.GetValue(sbom);
            if ((targetValue is null) == (sbomValue is null))
            {
                throw new UsageException("give either a target or --sbom FILE (exactly one)");
            }

            var maxCount = new Dictionary<SeverityLevel, int>();
            foreach (var (level, option) in perSeverity)
            {
                if (Count(parseResult.GetValue(option), option.Name) is { } n)
                {
                    maxCount[level] = n - 1;
                }
            }

            var total = Count(parseResult.GetValue(failOnCount), failOnCount.Name);
            var score = Score(parseResult.GetValue(failOnScore));
            var threshold = parseResult.GetValue(failOn) is { } word
                ? SeverityLevels.Parse(word) ?? throw new UsageException($"--fail-on: unknown severity '{word}' (critical, high, medium, low, unknown)")
                : (SeverityLevel?)null;
            var masked = (parseResult.GetValue(ignoreIds) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(id => new IgnoreRule(id, null, "--ignore-ids")).ToList();
            var request = new ScanRequest
            {
                Target = targetValue,
                Sbom = sbomValue,
                Feeds = parseResult.GetValue(feed) ?? [],
                Store = parseResult.GetValue(store),
                Format = Format(parseResult.GetValue(format)),
                Output = parseResult.GetValue(output),
                Policy = parseResult.GetValue(policy),
                Console = parseResult.GetValue(console),
                PushName = parseResult.GetValue(name),
                IgnoreFile = parseResult.GetValue(ignoreFile),
                // ThreatMapper's counts and score fail at ">= N"; the policy stores the largest value still allowed.
                Overrides = new Policy
                {
                    Name = "command line",
                    MaxCount = maxCount,
                    MaxTotal = total - 1,
                    MaxScore = score is null ? null : Math.Round(score.Value - 0.1, 1),
                    FailOn = threshold,
                    IgnoreUnfixed = parseResult.GetValue(ignoreUnfixed),
                    IgnoreIds = masked,
                },
                HasCriteria = maxCount.Count > 0 || total is not null || score is not null || threshold is not null,
            };
            return ScanRunner.RunAsync(request, parseResult.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    private static ReportFormat Format(string? value) => value?.ToLowerInvariant() switch
    {
        null or "table" => ReportFormat.Table,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        "cyclonedx" or "cyclonedx-json" or "vex" => ReportFormat.CycloneDx,
        _ => throw new UsageException($"--format: unknown format '{value}' (table, json, sarif, cyclonedx)"),
    };

    private static int? Count(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new UsageException($"{name}: '{value}' is not a whole number of at least 1");
    }

    private static double? Score(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 10
            ? score
            : throw new UsageException($"--fail-on-score: '{value}' is not a score between 0 and 10");
    }
}
