using System.Text.Json;

namespace Vigil.Dashboard.Integrations;

/// <summary>
/// A configured connector as the API and the page show it: plain settings only; for secrets just which are set.
/// </summary>
public sealed record Integration(
    string Id,
    string Name,
    string PluginId,
    string ConnectorType,
    string Kind,
    IReadOnlyDictionary<string, JsonElement> Settings,
    IReadOnlyList<string> SecretsSet,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
