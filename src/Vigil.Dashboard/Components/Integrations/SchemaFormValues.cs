using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Plugins.Sdk.Manifest;

namespace Vigil.Dashboard.Components.Integrations;

/// <summary>What a form rendered from a settings schema (<see cref="SettingField"/>s) submits: typed JSON, empty fields left out.</summary>
public static class SchemaFormValues
{
    public static JsonObject ToJson(SettingsSchema schema, IReadOnlyDictionary<string, string?> text, IReadOnlyDictionary<string, bool> flags)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var values = new JsonObject();
        foreach (var property in schema.Properties)
        {
            if (property.Type == SettingType.Boolean)
            {
                values[property.Name] = flags.GetValueOrDefault(property.Name);
            }
            else if (text.GetValueOrDefault(property.Name) is { Length: > 0 } value)
            {
                values[property.Name] = property.Type is SettingType.Integer or SettingType.Number
                    && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : JsonValue.Create(value);
            }
        }

        return values;
    }
}
