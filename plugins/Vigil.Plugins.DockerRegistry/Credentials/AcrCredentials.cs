using System.Text.Json;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>
/// Azure ACR with a service principal: a client-credentials token from Entra ID (scope of Azure Resource Manager) is
/// exchanged at the registry's <c>/oauth2/exchange</c> (<c>grant_type=access_token</c>) for an ACR refresh token,
/// which the registry's token service then accepts as the password of the all-zero user.
/// </summary>
internal sealed class AcrCredentials(HttpClient http, Uri tokenUrl, Uri exchangeUrl, string registry, string tenant, string clientId, string clientSecret, TimeProvider time)
    : ICredentialSource
{
    public const string RefreshTokenUser = "00000000-0000-0000-0000-000000000000";
    public const string ManagementScope = "https://management.azure.com/.default";

    public static AcrCredentials From(ConnectorSettings settings, string registry, bool insecure, HttpClient http, TimeProvider time)
    {
        var tenant = settings.GetRequiredString("azureTenantId");
        var tokenUrl = settings.GetString("azureTokenUrl") ?? throw new ConnectorSettingsException("azureTokenUrl", "is required with a tenant id");
        if (!Uri.TryCreate(tokenUrl, UriKind.Absolute, out var token) || token.Scheme is not ("https" or "http"))
        {
            throw new ConnectorSettingsException("azureTokenUrl", "must be an http(s) URL");
        }

        return new AcrCredentials(http, token, new Uri($"{(insecure ? "http" : "https")}://{registry}/oauth2/exchange"), registry, tenant,
            settings.GetString("azureClientId") ?? throw new ConnectorSettingsException("azureClientId", "is required with a tenant id"),
            settings.GetString("azureClientSecret") ?? throw new ConnectorSettingsException("azureClientSecret", "is required with a tenant id"),
            time);
    }

    public async Task<IssuedLogin> GetAsync(CancellationToken cancellationToken)
    {
        using var aad = await FormPost.SendAsync(http, tokenUrl,
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", clientSecret), new("scope", ManagementScope)],
            "Entra ID token request", cancellationToken);
        var accessToken = FormPost.RequiredString(aad, "access_token", "Entra ID token request");
        var lifetime = aad.RootElement.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 3600;

        using var exchange = await FormPost.SendAsync(http, exchangeUrl,
            [new("grant_type", "access_token"), new("service", registry), new("tenant", tenant), new("access_token", accessToken)],
            "ACR token exchange", cancellationToken);
        var refreshToken = FormPost.RequiredString(exchange, "refresh_token", "ACR token exchange");
        return new IssuedLogin(new RegistryLogin(RefreshTokenUser, refreshToken), time.GetUtcNow().AddSeconds(lifetime));
    }
}
