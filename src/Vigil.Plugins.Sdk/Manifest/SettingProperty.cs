using System.Text.Json;

namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>One setting of a connector (<c>properties.NAME</c> in the schema).</summary>
/// <param name="Name">Property name, the key in <see cref="Connectors.ConnectorSettings"/>.</param>
/// <param name="Type">Value type.</param>
/// <param name="Title">Label shown in the form (<c>title</c>; defaults to the name).</param>
/// <param name="Description">Help text under the field (<c>description</c>).</param>
/// <param name="Required">Listed in the schema's <c>required</c>.</param>
/// <param name="Secret"><c>"secret": true</c>: encrypted at rest, never returned by the API nor logged.</param>
/// <param name="Choices">Allowed values (<c>enum</c>), or empty.</param>
/// <param name="Default">Default value (<c>default</c>), or null.</param>
/// <param name="Minimum">Lowest value of a number (<c>minimum</c>), or null.</param>
/// <param name="Maximum">Highest value of a number (<c>maximum</c>), or null.</param>
/// <param name="Pattern">Regular expression a string must match (<c>pattern</c>), or null.</param>
public sealed record SettingProperty(
    string Name,
    SettingType Type,
    string Title,
    string Description,
    bool Required,
    bool Secret,
    IReadOnlyList<string> Choices,
    JsonElement? Default,
    double? Minimum,
    double? Maximum,
    string? Pattern);
