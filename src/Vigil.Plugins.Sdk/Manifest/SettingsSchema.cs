namespace Vigil.Plugins.Sdk.Manifest;

/// <summary>
/// A connector's settings as the JSON Schema subset the manifest uses:
/// <c>{"type":"object","properties":{...},"required":[...]}</c>. The console renders the form from it, validates input
/// against it and encrypts the properties marked <c>"secret": true</c>.
/// </summary>
/// <param name="Properties">The settings, in the order written.</param>
public sealed record SettingsSchema(IReadOnlyList<SettingProperty> Properties)
{
    /// <summary>A schema with no settings.</summary>
    public static readonly SettingsSchema Empty = new([]);

    /// <summary>The property called <paramref name="name"/>, or null.</summary>
    public SettingProperty? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}
