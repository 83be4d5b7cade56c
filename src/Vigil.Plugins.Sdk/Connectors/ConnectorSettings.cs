using System.Globalization;
using System.Text.Json;

namespace Vigil.Plugins.Sdk.Connectors;

/// <summary>
/// The settings of one configured instance, validated against the manifest's schema, with defaults applied and secrets
/// decrypted. <see cref="ToString"/> shows names only, so logging the object never leaks a secret.
/// </summary>
public sealed class ConnectorSettings
{
    private readonly IReadOnlyDictionary<string, JsonElement> _values;

    /// <summary>Creates settings from values by name (the console does this; tests may too).</summary>
    public ConnectorSettings(string instanceName, IReadOnlyDictionary<string, JsonElement> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        InstanceName = instanceName;
        _values = values;
    }

    /// <summary>The name people gave the instance, e.g. "our Harbor".</summary>
    public string InstanceName { get; }

    /// <summary>The names of the settings that have a value.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Whether <paramref name="name"/> has a non-null value.</summary>
    public bool Has(string name) => _values.TryGetValue(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>A string setting, or null when absent or empty.</summary>
    public string? GetString(string name) =>
        _values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    /// <summary>A string setting that must be present.</summary>
    /// <exception cref="ConnectorSettingsException">It is absent or empty.</exception>
    public string GetRequiredString(string name) => GetString(name) ?? throw new ConnectorSettingsException(name, "is required");

    /// <summary>An integer setting, or <paramref name="fallback"/> when absent.</summary>
    public long GetInteger(string name, long fallback) =>
        _values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64()
        : _values.TryGetValue(name, out var s) && s.ValueKind == JsonValueKind.String && long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : fallback;

    /// <summary>A boolean setting, or <paramref name="fallback"/> when absent.</summary>
    public bool GetBoolean(string name, bool fallback) =>
        _values.TryGetValue(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : fallback;

    /// <summary>A string-list setting (empty entries dropped), or an empty list when absent.</summary>
    public IReadOnlyList<string> GetStringList(string name) =>
        _values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).ToArray()
            : [];

    /// <summary>The raw JSON value, or null.</summary>
    public JsonElement? GetRaw(string name) => _values.TryGetValue(name, out var v) ? v : null;

    /// <summary>Names only: settings objects may hold secrets.</summary>
    public override string ToString() => $"{InstanceName} ({string.Join(", ", _values.Keys)})";
}
