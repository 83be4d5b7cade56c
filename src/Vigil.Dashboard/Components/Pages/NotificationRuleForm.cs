using Vigil.Dashboard.Notifications;

namespace Vigil.Dashboard.Components.Pages;

/// <summary>The rule editor's fields; labels and registries are typed as comma-separated text.</summary>
public sealed class NotificationRuleForm
{
    public string Name { get; set; } = "";
    public List<string> Events { get; set; } = [];
    public string MinSeverity { get; set; } = "high";
    public string Labels { get; set; } = "";
    public string Registries { get; set; } = "";
    public List<string> Channels { get; set; } = [];
    public int DigestMinutes { get; set; }
    public bool PerFinding { get; set; }
    public bool Enabled { get; set; } = true;

    public static NotificationRuleForm From(NotificationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new NotificationRuleForm
        {
            Name = rule.Name,
            Events = [.. rule.Events],
            MinSeverity = rule.MinSeverity,
            Labels = string.Join(", ", rule.Labels.Select(l => $"{l.Key}={l.Value}")),
            Registries = string.Join(", ", rule.Registries),
            Channels = [.. rule.Channels],
            DigestMinutes = rule.DigestMinutes,
            PerFinding = rule.PerFinding,
            Enabled = rule.Enabled,
        };
    }

    /// <exception cref="FormatException">An entry is not key=value.</exception>
    public static Dictionary<string, string> ParseLabels(string text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"'{entry}' is not key=value");
            }

            labels[entry[..equals].Trim()] = entry[(equals + 1)..].Trim();
        }

        return labels;
    }

    public NotificationRuleInput ToInput(IReadOnlyDictionary<string, string> labels) => new(
        Name, Enabled, Events, MinSeverity, labels,
        Registries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Channels, DigestMinutes, PerFinding);
}
