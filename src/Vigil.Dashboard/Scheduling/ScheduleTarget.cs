namespace Vigil.Dashboard.Scheduling;

/// <summary>Which nodes a scan schedule scans.</summary>
/// <param name="Kind"><c>hosts</c>, <c>containers</c>, <c>hostsAndContainers</c>, <c>labels</c> or <c>registry</c>.</param>
/// <param name="Labels">For <c>labels</c>: nodes carrying every one of these key/value labels (any type but removed ones).</param>
/// <param name="Registry">For <c>registry</c>: the registry integration's id; its images are listed and scanned at each run.</param>
/// <param name="Repositories">For <c>registry</c>: only these repositories (all when null or empty).</param>
public sealed record ScheduleTarget(string Kind, IReadOnlyDictionary<string, string>? Labels = null, string? Registry = null, IReadOnlyList<string>? Repositories = null)
{
    public const string Hosts = "hosts";
    public const string Containers = "containers";
    public const string HostsAndContainers = "hostsAndContainers";
    public const string MatchingLabels = "labels";
    public const string RegistryImages = "registry";

    public static readonly IReadOnlyList<string> Kinds = [Hosts, Containers, HostsAndContainers, MatchingLabels, RegistryImages];

    /// <summary>What is wrong with this target, in the user's terms; null when it is usable.</summary>
    public string? Problem() => Kind switch
    {
        Hosts or Containers or HostsAndContainers => null,
        MatchingLabels when Labels is null || Labels.Count == 0 => "A labels target needs at least one label, e.g. {\"env\":\"prod\"}.",
        MatchingLabels when Labels.Keys.Any(string.IsNullOrWhiteSpace) => "Label keys cannot be empty.",
        MatchingLabels => null,
        RegistryImages when string.IsNullOrWhiteSpace(Registry) => "A registry target needs the registry integration's id in \"registry\".",
        RegistryImages => null,
        _ => $"Unknown target \"{Kind}\": use one of {string.Join(", ", Kinds)}.",
    };

    public string Describe() => Kind switch
    {
        Hosts => "All hosts",
        Containers => "All containers",
        HostsAndContainers => "All hosts and containers",
        RegistryImages => Repositories is { Count: > 0 } ? $"Registry images of {string.Join(", ", Repositories)}" : "All images of a registry",
        _ => "Nodes labelled " + string.Join(", ", (Labels ?? new Dictionary<string, string>()).Select(l => $"{l.Key}={l.Value}")),
    };
}
