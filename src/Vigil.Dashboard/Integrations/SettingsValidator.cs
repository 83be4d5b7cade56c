using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Integrations;

/// <summary>
/// Checks submitted settings against a connector's schema and splits them into plain values and secrets. A secret
/// left out (or empty) keeps the stored one, so the form never needs to know it.
/// </summary>
public static class SettingsValidator
{
    public sealed record Result(Dictionary<string, JsonElement> Values, Dictionary<string, string> Secrets);

    /// <param name="schema">The connector's settings schema.</param>
    /// <param name="input">Submitted values by name.</param>
    /// <param name="storedSecrets">Secrets already stored for this instance (kept unless replaced).</param>
    /// <exception cref="InputValidationException">Unknown names, wrong types, missing required values.</exception>
    public static Result Validate(SettingsSchema schema, JsonObject? input, IReadOnlyDictionary<string, string> storedSecrets)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string name, string message) => (errors.TryGetValue(name, out var list) ? list : errors[name] = []).Add(message);
        input ??= [];
        foreach (var (name, _) in input.Where(p => schema.Find(p.Key) is null))
        {
            Error(name, "is not a setting of this connector");
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in schema.Properties)
        {
            var node = input[property.Name];
            var empty = node is null || (node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0);
            if (property.Secret)
            {
                if (!empty && node is JsonValue sv && sv.TryGetValue<string>(out var secret))
                {
                    CheckString(property, secret, Error);
                    secrets[property.Name] = secret;
                }
                else if (!empty)
                {
                    Error(property.Name, "must be a string");
                }
                else if (storedSecrets.TryGetValue(property.Name, out var kept))
                {
                    secrets[property.Name] = kept;
                }
                else if (property.Required)
                {
                    Error(property.Name, "is required");
                }

                continue;
            }

            if (empty)
            {
                if (property.Default is { } fallback)
                {
                    values[property.Name] = fallback;
                }
                else if (property.Required)
                {
                    Error(property.Name, "is required");
                }

                continue;
            }

            if (Convert(property, node!, msg => Error(property.Name, msg)) is { } value)
            {
                values[property.Name] = value;
            }
        }

        return errors.Count == 0
            ? new Result(values, secrets)
            : throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static JsonElement? Convert(SettingProperty property, JsonNode node, Action<string> error)
    {
        switch (property.Type)
        {
            case SettingType.String when node is JsonValue value && value.TryGetValue<string>(out var text):
                var before = 0;
                CheckString(property, text, (_, m) => { error(m); before++; });
                return before == 0 ? JsonSerializer.SerializeToElement(text) : null;
            case SettingType.Boolean when node is JsonValue value && value.TryGetValue<bool>(out var flag):
                return JsonSerializer.SerializeToElement(flag);
            case SettingType.Integer or SettingType.Number when node is JsonValue value && Number(value) is { } number:
                if (property.Type == SettingType.Integer && number != Math.Floor(number))
                {
                    error("must be a whole number");
                    return null;
                }

                if (number < property.Minimum || number > property.Maximum)
                {
                    error($"must be between {property.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} and {property.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}");
                    return null;
                }

                return property.Type == SettingType.Integer ? JsonSerializer.SerializeToElement((long)number) : JsonSerializer.SerializeToElement(number);
            case SettingType.StringList when node is JsonArray array && array.All(i => i is JsonValue iv && iv.TryGetValue<string>(out _)):
                return JsonSerializer.SerializeToElement(array.Select(i => i!.GetValue<string>().Trim()).Where(i => i.Length > 0).ToArray());
            case SettingType.StringList when node is JsonValue value && value.TryGetValue<string>(out var lines):
                // The form's text area: one entry per line.
                return JsonSerializer.SerializeToElement(lines.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray());
            default:
                error(property.Type switch
                {
                    SettingType.StringList => "must be a list of strings",
                    SettingType.Boolean => "must be true or false",
                    SettingType.Integer => "must be a whole number",
                    SettingType.Number => "must be a number",
                    _ => "must be a string",
                });
                return null;
        }
    }

    private static double? Number(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d
        : value.TryGetValue<long>(out var l) ? l
        : value.TryGetValue<int>(out var i) ? i
        : value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble()
        : value.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    private static void CheckString(SettingProperty property, string text, Action<string, string> error)
    {
        if (text.Length > 8192)
        {
            error(property.Name, "is longer than 8192 characters");
        }
        else if (property.Choices.Count > 0 && !property.Choices.Contains(text))
        {
            error(property.Name, $"must be one of {string.Join(", ", property.Choices)}");
        }
        else if (property.Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            error(property.Name, property.Secret ? "does not have the expected form" : $"does not match {pattern}");
        }
    }
}
