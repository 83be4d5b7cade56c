using System.Text.Json;

namespace Vigil.Dashboard.Integrations;

/// <summary>An integration's row with its secrets decrypted: only for building its connector, never for display.</summary>
public sealed record StoredIntegration(Integration Integration, IReadOnlyDictionary<string, string> Secrets)
{
    /// <summary>Every value by name, secrets included, as the connector receives them.</summary>
    public IReadOnlyDictionary<string, JsonElement> AllValues()
    {
        var all = new Dictionary<string, JsonElement>(Integration.Settings, StringComparer.Ordinal);
        foreach (var (name, secret) in Secrets)
        {
            all[name] = JsonSerializer.SerializeToElement(secret);
        }

        return all;
    }

    /// <summary>Names only.</summary>
    public override string ToString() => $"{Integration.Name} ({Integration.PluginId}/{Integration.ConnectorType})";
}
