using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Scanning.Severity;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Vigil.Scanning.Policies;

/// <summary>
/// Reads a <see cref="Policy"/> from JSON or YAML (contracts §7). YAML is converted to the same JSON tree first, so
/// both formats share one set of rules; unknown keys are errors so a typo never silently weakens a gate.
/// </summary>
public static class PolicyReader
{
    private static readonly string[] Keys = ["name", "maxCount", "maxTotal", "maxScore", "failOn", "denyIds", "denyPackages", "ignoreUnfixed", "ignoreIds"];

    /// <summary>Reads a policy file (<c>.yaml</c>/<c>.yml</c> as YAML, anything else as JSON).</summary>
    /// <exception cref="PolicyFormatException">The file is missing or invalid.</exception>
    public static Policy ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new PolicyFormatException($"policy file not found: {path}");
        }

        var text = File.ReadAllText(path);
        var yaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        try
        {
            return Read(yaml ? YamlToJson(text) : text, Path.GetFileNameWithoutExtension(path));
        }
        catch (PolicyFormatException e)
        {
            throw new PolicyFormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a policy from JSON text.</summary>
    public static Policy Read(string json, string defaultName = "policy")
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new PolicyFormatException($"invalid JSON: {e.Message}", e);
        }

        if (root is not JsonObject obj)
        {
            throw new PolicyFormatException("a policy must be an object");
        }

        var unknown = obj.Select(p => p.Key).Where(k => !Keys.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new PolicyFormatException($"unknown key(s) {string.Join(", ", unknown)}; allowed: {string.Join(", ", Keys)}");
        }

        var maxCount = new Dictionary<SeverityLevel, int>();
        if (obj["maxCount"] is JsonObject counts)
        {
            foreach (var (key, value) in counts)
            {
                var level = SeverityLevels.Parse(key) ?? throw new PolicyFormatException($"maxCount: unknown severity '{key}'");
                maxCount[level] = (int)(Number(value, $"maxCount.{key}") ?? throw new PolicyFormatException($"maxCount.{key} needs a number"));
            }
        }

        return new Policy
        {
            Name = Text(obj["name"]) ?? defaultName,
            MaxCount = maxCount,
            MaxTotal = Number(obj["maxTotal"], "maxTotal") is { } total ? (int)total : null,
            MaxScore = Number(obj["maxScore"], "maxScore"),
            FailOn = Text(obj["failOn"]) is { } failOn ? SeverityLevels.Parse(failOn) ?? throw new PolicyFormatException($"failOn: unknown severity '{failOn}'") : null,
            DenyIds = Strings(obj["denyIds"], "denyIds"),
            DenyPackages = Strings(obj["denyPackages"], "denyPackages"),
            IgnoreUnfixed = Flag(obj["ignoreUnfixed"], "ignoreUnfixed"),
            IgnoreIds = IgnoreRules(obj["ignoreIds"]),
        };
    }

    /// <summary>Converts YAML text to JSON text (scalars stay strings; the JSON reader accepts numeric strings).</summary>
    internal static string YamlToJson(string yaml)
    {
        try
        {
            var value = new DeserializerBuilder().Build().Deserialize<object?>(yaml);
            return new SerializerBuilder().JsonCompatible().Build().Serialize(value ?? new Dictionary<string, object>());
        }
        catch (YamlException e)
        {
            throw new PolicyFormatException($"invalid YAML: {e.Message}", e);
        }
    }

    internal static IReadOnlyList<IgnoreRule> IgnoreRules(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new PolicyFormatException("ignoreIds must be a list");
        }

        return array.Select(item => item switch
        {
            JsonObject o => new IgnoreRule(
                Text(o["id"]) ?? throw new PolicyFormatException("an ignore rule needs an id"),
                Text(o["expires"]) is { } expires ? ParseDate(expires) : null,
                Text(o["reason"])),
            _ => new IgnoreRule(Text(item) ?? throw new PolicyFormatException("an ignore rule needs an id")),
        }).ToList();
    }

    internal static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new PolicyFormatException($"'{text}' is not a date (yyyy-MM-dd)");

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => throw new PolicyFormatException($"expected a value, found {node.ToJsonString()}"),
    };

    private static bool Flag(JsonNode? node, string name)
    {
        var text = Text(node);
        if (text is null)
        {
            return false;
        }

        return bool.TryParse(text, out var flag) ? flag : throw new PolicyFormatException($"{name} must be true or false, not '{text}'");
    }

    private static double? Number(JsonNode? node, string name)
    {
        var text = Text(node);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new PolicyFormatException($"{name} must be a non-negative number, not '{text}'");
    }

    private static IReadOnlyList<string> Strings(JsonNode? node, string name) => node switch
    {
        null => [],
        JsonArray array => array.Select(i => Text(i) ?? throw new PolicyFormatException($"{name} has an empty entry")).ToList(),
        _ => throw new PolicyFormatException($"{name} must be a list"),
    };
}
