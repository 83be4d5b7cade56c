using System.Globalization;
using System.Text.Json;

namespace Vigil.Scanning.Osv;

/// <summary>
/// Parses OSV 1.6 JSON into <see cref="OsvAdvisory"/>, rejecting records whose matching-relevant parts break the
/// schema (missing id or modified, a package without ecosystem or name, a range without events or with an event that
/// is not exactly one string-valued key). Fields Vigil does not use are ignored.
/// </summary>
public static class OsvParser
{
    /// <summary>Largest JSON nesting accepted; OSV records are shallow, so deep input is hostile.</summary>
    private const int MaxDepth = 64;

    /// <summary>Parses one record.</summary>
    /// <exception cref="OsvFormatException">The bytes are not valid JSON or not a usable OSV record.</exception>
    public static OsvAdvisory Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new OsvFormatException($"invalid JSON: {e.Message}");
        }

        using (document)
        {
            return FromElement(document.RootElement);
        }
    }

    private static OsvAdvisory FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new OsvFormatException("the record is not a JSON object");
        }

        var id = RequiredString(root, "id", "id");
        var modified = OptionalDate(root, "modified") ?? throw new OsvFormatException("modified is missing");
        var summary = OptionalString(root, "summary");
        if (string.IsNullOrWhiteSpace(summary))
        {
            summary = OptionalString(root, "details")?.Split('\n', 2)[0].Trim();
        }

        var affected = new List<OsvAffected>();
        if (root.TryGetProperty("affected", out var affectedArray) && affectedArray.ValueKind != JsonValueKind.Null)
        {
            if (affectedArray.ValueKind != JsonValueKind.Array)
            {
                throw new OsvFormatException("affected is not an array");
            }

            var index = 0;
            foreach (var item in affectedArray.EnumerateArray())
            {
                affected.Add(Affected(item, $"affected[{index++}]"));
            }
        }

        return new OsvAdvisory(
            id,
            modified,
            OptionalDate(root, "withdrawn"),
            summary,
            StringArray(root, "aliases"),
            StringArray(root, "upstream"),
            Severities(root, "severity"),
            DatabaseSeverity(root),
            affected);
    }

    private static OsvAffected Affected(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new OsvFormatException($"{path} is not an object");
        }

        if (!item.TryGetProperty("package", out var package) || package.ValueKind != JsonValueKind.Object)
        {
            throw new OsvFormatException($"{path}.package is missing");
        }

        var osvPackage = new OsvPackage(
            RequiredString(package, "ecosystem", $"{path}.package.ecosystem"),
            RequiredString(package, "name", $"{path}.package.name"),
            OptionalString(package, "purl"));

        var ranges = new List<OsvRange>();
        if (item.TryGetProperty("ranges", out var rangeArray) && rangeArray.ValueKind == JsonValueKind.Array)
        {
            var r = 0;
            foreach (var range in rangeArray.EnumerateArray())
            {
                ranges.Add(Range(range, $"{path}.ranges[{r++}]"));
            }
        }

        return new OsvAffected(osvPackage, ranges, StringArray(item, "versions"), Severities(item, "severity"), DatabaseSeverity(item));
    }

    private static OsvRange Range(JsonElement range, string path)
    {
        if (range.ValueKind != JsonValueKind.Object)
        {
            throw new OsvFormatException($"{path} is not an object");
        }

        var type = RequiredString(range, "type", $"{path}.type");
        if (!range.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array || events.GetArrayLength() == 0)
        {
            throw new OsvFormatException($"{path}.events is missing or empty");
        }

        var list = new List<OsvEvent>();
        var e = 0;
        foreach (var ev in events.EnumerateArray())
        {
            var eventPath = $"{path}.events[{e++}]";
            if (ev.ValueKind != JsonValueKind.Object)
            {
                throw new OsvFormatException($"{eventPath} is not an object");
            }

            var properties = ev.EnumerateObject().ToList();
            if (properties.Count != 1 || properties[0].Value.ValueKind != JsonValueKind.String)
            {
                throw new OsvFormatException($"{eventPath} must have exactly one string-valued key");
            }

            OsvEventKind kind = properties[0].Name switch
            {
                "introduced" => OsvEventKind.Introduced,
                "fixed" => OsvEventKind.Fixed,
                "last_affected" => OsvEventKind.LastAffected,
                "limit" => OsvEventKind.Limit,
                var other => throw new OsvFormatException($"{eventPath} has unknown event '{other}'"),
            };
            list.Add(new OsvEvent(kind, properties[0].Value.GetString()!));
        }

        return new OsvRange(type, list);
    }

    private static IReadOnlyList<OsvSeverity> Severities(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return array.EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object)
            .Select(s => (Type: OptionalString(s, "type"), Score: OptionalString(s, "score")))
            .Where(s => s.Type is not null && s.Score is not null)
            .Select(s => new OsvSeverity(s.Type!, s.Score!))
            .ToList();
    }

    /// <summary>Reads the severity hints databases put in <c>database_specific</c> (GHSA, npm, RubyGems, RustSec).</summary>
    private static OsvDatabaseSeverity? DatabaseSeverity(JsonElement owner)
    {
        if (!owner.TryGetProperty("database_specific", out var db) || db.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var level = OptionalString(db, "severity");
        string? vector = null;
        double? score = null;
        // Newest scoring system first: a v4 score beats a v3 score beats a v2 score.
        foreach (var key in new[] { "cvss_v4", "cvss_v3", "cvss", "cvss_score", "cvss_v2" })
        {
            if (!db.TryGetProperty(key, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            {
                score ??= number;
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                var text = value.GetString()!;
                if (text.StartsWith("CVSS:", StringComparison.Ordinal))
                {
                    vector ??= text;
                }
                else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    score ??= number;
                }
            }
        }

        if (score is < 0 or > 10)
        {
            score = null;
        }

        return level is null && score is null && vector is null ? null : new OsvDatabaseSeverity(level, score, vector);
    }

    private static string RequiredString(JsonElement owner, string name, string path)
    {
        var value = OptionalString(owner, name);
        return string.IsNullOrWhiteSpace(value) ? throw new OsvFormatException($"{path} is missing") : value;
    }

    private static string? OptionalString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? OptionalDate(JsonElement owner, string name)
    {
        var text = OptionalString(owner, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new OsvFormatException($"{name} is not an RFC 3339 time: '{text}'");
    }

    private static IReadOnlyList<string> StringArray(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return array.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
    }
}
