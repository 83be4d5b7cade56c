namespace Vigil.Dashboard.Scheduling;

/// <summary>Which nodes a scan schedule scans.</summary>
/// <param name="Kind"><c>hosts</c>, <c>containers</c>, <c>hostsAndContainers</c>, or <c>labels</c>.</param>
/// <param name="Labels">For <c>labels</c>: nodes carrying every one of these key/value labels (any type but removed ones).</param>
public sealed record ScheduleTarget(string Kind, IReadOnlyDictionary<string, string>? Labels = null)
{
    public const string Hosts = "hosts";
    public const string Containers = "containers";
    public const string HostsAndContainers = "hostsAndContainers";
    public const string MatchingLabels = "labels";

    public static readonly IReadOnlyList<string> Kinds = [Hosts, Containers, HostsAndContainers, MatchingLabels];

    /// <summary>What is wrong with this target, in the user's terms; null when it is usable.</summary>
    public string? Problem() => Kind switch
    {
        Hosts or Containers or HostsAndContainers => null,
        MatchingLabels when Labels is null || Labels.Count == 0 => "A labels target needs at least one label, e.g. {\"env\":\"prod\"}.",
        MatchingLabels when Labels.Keys.Any(string.IsNullOrWhiteSpace) => "Label keys cannot be empty.",
        MatchingLabels => null,
        _ => $"Unknown target \"{Kind}\": use one of {string.Join(", ", Kinds)}.",
    };

    public string Describe() => Kind switch
    {
        Hosts => "All hosts",
        Containers => "All containers",
        HostsAndContainers => "All hosts and containers",
        _ => "Nodes labelled " + string.Join(", ", (Labels ?? new Dictionary<string, string>()).Select(l => $"{l.Key}={l.Value}")),
    };
}
