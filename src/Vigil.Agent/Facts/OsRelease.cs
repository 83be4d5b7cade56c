namespace Vigil.Agent.Facts;

/// <summary>
/// Reads os-release(5) for the host facts. The scanner has its own reader; this small copy keeps the resident agent
/// from loading the scanning assembly at all (its SBOM work happens in a child process).
/// </summary>
public static class OsRelease
{
    public static readonly IReadOnlyList<string> Paths = ["etc/os-release", "usr/lib/os-release"];

    public static OperatingSystemFacts? Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..];
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            values[line[..equals]] = value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        return values.TryGetValue("ID", out var id) && id.Length > 0
            ? new OperatingSystemFacts(id.ToLowerInvariant(), values.GetValueOrDefault("VERSION_ID") ?? "", values.GetValueOrDefault("PRETTY_NAME"))
            : null;
    }
}
