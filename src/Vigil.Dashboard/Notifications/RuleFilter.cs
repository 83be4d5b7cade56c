namespace Vigil.Dashboard.Notifications;

/// <summary>Whether a rule's label and registry filters let an event about a node through (severity is the composer's part).</summary>
public static class RuleFilter
{
    public static bool Passes(NotificationRule rule, NodeSubject? node)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Labels.Count > 0 && (node is null || rule.Labels.Any(l => !node.Labels.TryGetValue(l.Key, out var v) || !string.Equals(v, l.Value, StringComparison.Ordinal))))
        {
            return false;
        }

        return rule.Registries.Count == 0 || (node?.Registry is { } registry && rule.Registries.Contains(registry, StringComparer.OrdinalIgnoreCase));
    }
}
