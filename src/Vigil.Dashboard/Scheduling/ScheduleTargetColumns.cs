using System.Text.Json;

namespace Vigil.Dashboard.Scheduling;

/// <summary>
/// A target in the <c>target_labels</c> JSON column: labels as they are; a registry target as
/// <c>{"registry":"ID","repositories":"a\nb"}</c> (the column holds string values only, and needs no new migration).
/// </summary>
public static class ScheduleTargetColumns
{
    private const string RegistryKey = "registry";
    private const string RepositoriesKey = "repositories";

    public static string Write(ScheduleTarget target) => JsonSerializer.Serialize(target.Kind == ScheduleTarget.RegistryImages
        ? new Dictionary<string, string> { [RegistryKey] = target.Registry ?? "", [RepositoriesKey] = string.Join('\n', target.Repositories ?? []) }
        : target.Labels ?? new Dictionary<string, string>());

    public static ScheduleTarget Read(string kind, string json)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        if (kind != ScheduleTarget.RegistryImages)
        {
            return new ScheduleTarget(kind, values);
        }

        var repositories = values.GetValueOrDefault(RepositoriesKey, "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new ScheduleTarget(kind, null, values.GetValueOrDefault(RegistryKey), repositories.Length == 0 ? null : repositories);
    }
}
