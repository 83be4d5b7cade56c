using System.Text.Json.Nodes;

namespace Vigil.Dashboard.Integrations;

/// <summary>What a person submits to add or change an integration. Omit a secret (or send "") to keep the stored one.</summary>
public sealed record IntegrationInput(string Name, string PluginId, string ConnectorType, JsonObject? Settings);
