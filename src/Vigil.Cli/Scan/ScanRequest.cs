using Vigil.Scanning.Reports;

namespace Vigil.Cli.Scan;

/// <summary>The parsed options of one <c>vigil scan</c>.</summary>
public sealed record ScanRequest
{
    /// <summary>Path or image reference to catalog, when no SBOM is given.</summary>
    public string? Target { get; init; }

    /// <summary>CycloneDX JSON file to scan instead of a target.</summary>
    public string? Sbom { get; init; }

    /// <summary>OSV directories or zips read directly, without a store.</summary>
    public IReadOnlyList<string> Feeds { get; init; } = [];

    /// <summary>Feed store directory.</summary>
    public string? Store { get; init; }

    /// <summary>Output format.</summary>
    public ReportFormat Format { get; init; } = ReportFormat.Table;

    /// <summary>Output file; stdout when null.</summary>
    public string? Output { get; init; }

    /// <summary>Policy file or name.</summary>
    public string? Policy { get; init; }

    /// <summary>Console URL for <c>--policy NAME</c>.</summary>
    public string? Console { get; init; }

    /// <summary>The fail criteria and ignore rules given as options, layered over the policy.</summary>
    public Vigil.Scanning.Policies.Policy Overrides { get; init; } = new();

    /// <summary>Whether any fail criterion was given as an option.</summary>
    public bool HasCriteria { get; init; }

    /// <summary>Ignore file.</summary>
    public string? IgnoreFile { get; init; }

    /// <summary>Node name for the SBOM pushed to <see cref="Console"/>; the target's name when null.</summary>
    public string? PushName { get; init; }
}
