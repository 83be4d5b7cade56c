using Vigil.Scanning.Severity;

namespace Vigil.Scanning.Policies;

/// <summary>
/// A pass/fail definition shared by pipelines, schedules and the pre-deployment workflow (contracts §7). Every limit is
/// optional; a policy with none passes everything.
/// </summary>
public sealed record Policy
{
    /// <summary>Policy name.</summary>
    public string Name { get; init; } = "default";

    /// <summary>Most findings allowed per severity (including <see cref="SeverityLevel.Unknown"/>).</summary>
    public IReadOnlyDictionary<SeverityLevel, int> MaxCount { get; init; } = new Dictionary<SeverityLevel, int>();

    /// <summary>Most findings allowed in total.</summary>
    public int? MaxTotal { get; init; }

    /// <summary>Highest CVSS score allowed.</summary>
    public double? MaxScore { get; init; }

    /// <summary>Fail on any finding at or above this level (<c>--fail-on</c>); <c>unknown</c> means any finding at all.</summary>
    public SeverityLevel? FailOn { get; init; }

    /// <summary>Advisory ids or aliases that fail the policy whenever present.</summary>
    public IReadOnlyList<string> DenyIds { get; init; } = [];

    /// <summary>Purl patterns (<c>*</c> wildcards) of packages that fail the policy when vulnerable.</summary>
    public IReadOnlyList<string> DenyPackages { get; init; } = [];

    /// <summary>Leave out findings without a fixed version.</summary>
    public bool IgnoreUnfixed { get; init; }

    /// <summary>Ids or aliases to leave out, with expiry.</summary>
    public IReadOnlyList<IgnoreRule> IgnoreIds { get; init; } = [];
}
