using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Vigil.Dashboard.Integrations;

/// <summary>
/// Encrypts an integration's secret settings with ASP.NET Data Protection, one purpose per plugin, so a payload cut
/// from one plugin's row cannot be read as another's.
/// </summary>
public sealed class IntegrationSecrets(IDataProtectionProvider provider)
{
    private const string Purpose = "Vigil.Integrations.Secrets";

    public string? Protect(string pluginId, IReadOnlyDictionary<string, string> secrets) =>
        secrets.Count == 0 ? null : Protector(pluginId).Protect(JsonSerializer.Serialize(secrets));

    public IReadOnlyDictionary<string, string> Unprotect(string pluginId, string? payload) =>
        payload is null
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(Protector(pluginId).Unprotect(payload)) ?? [];

    private IDataProtector Protector(string pluginId) => provider.CreateProtector(Purpose, pluginId);
}
