namespace Vigil.Dashboard.Notifications;

/// <summary>A rule as the API and the page submit it; see <see cref="NotificationRule"/> for the meaning of each field.</summary>
public sealed record NotificationRuleInput(
    string? Name,
    bool? Enabled,
    IReadOnlyList<string>? Events,
    string? MinSeverity,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyList<string>? Registries,
    IReadOnlyList<string>? Channels,
    int? DigestMinutes,
    bool? PerFinding);
