using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>Reads the settings JSON Schema subset of a connector declaration.</summary>
internal static class SettingsSchemaReader
{
    public static SettingsSchema Read(JsonElement schema, string connectorType)
    {
        var where = $"provides '{connectorType}' settings";
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new PluginManifestException($"{where} must be a JSON Schema object.");
        }

        if (schema.TryGetProperty("type", out var rootType) && rootType.GetString() != "object")
        {
            throw new PluginManifestException($"{where}: type must be \"object\".");
        }

        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
            : [];
        var properties = new List<SettingProperty>();
        if (schema.TryGetProperty("properties", out var props))
        {
            if (props.ValueKind != JsonValueKind.Object)
            {
                throw new PluginManifestException($"{where}: properties must be an object.");
            }

            foreach (var property in props.EnumerateObject())
            {
                properties.Add(ReadProperty(property.Name, property.Value, required.Contains(property.Name), where));
            }
        }

        foreach (var name in required.Where(n => properties.All(p => p.Name != n)))
        {
            throw new PluginManifestException($"{where}: required names '{name}', which is not a property.");
        }

        return new SettingsSchema(properties);
    }

    private static SettingProperty ReadProperty(string name, JsonElement value, bool required, string where)
    {
        var at = $"{where}.{name}";
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new PluginManifestException($"{at} must be an object.");
        }

        var typeName = value.TryGetProperty("type", out var t) ? t.GetString() : null;
        var type = typeName switch
        {
            "string" => SettingType.String,
            "integer" => SettingType.Integer,
            "number" => SettingType.Number,
            "boolean" => SettingType.Boolean,
            "array" when value.TryGetProperty("items", out var items) && items.TryGetProperty("type", out var it) && it.GetString() == "string"
                => SettingType.StringList,
            _ => throw new PluginManifestException(
                $"{at}: type must be string, integer, number, boolean or array of strings (was '{typeName ?? "missing"}')."),
        };
        var secret = value.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.True;
        if (secret && type != SettingType.String)
        {
            throw new PluginManifestException($"{at}: only string settings can be secret.");
        }

        var choices = value.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : throw new PluginManifestException($"{at}: enum values must be strings.")).ToArray()
            : [];
        var pattern = value.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        if (pattern is not null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw new PluginManifestException($"{at}: pattern is not a valid regular expression: {ex.Message}", ex);
            }
        }

        return new SettingProperty(
            name,
            type,
            PluginManifestReader.OptionalString(value, "title") ?? name,
            PluginManifestReader.OptionalString(value, "description") ?? "",
            required,
            secret,
            choices,
            value.TryGetProperty("default", out var d) ? d.Clone() : null,
            value.TryGetProperty("minimum", out var min) && min.ValueKind == JsonValueKind.Number ? min.GetDouble() : null,
            value.TryGetProperty("maximum", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetDouble() : null,
            pattern);
    }
}
