using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>
/// Google GCR / Artifact Registry with a service-account key: an RS256-signed JWT assertion (issuer the account's
/// email, audience its <c>token_uri</c>) is exchanged at <c>token_uri</c> (<c>grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer</c>)
/// for an access token, which the registry accepts as the password of <c>oauth2accesstoken</c>.
/// </summary>
internal sealed class GcrCredentials(HttpClient http, string clientEmail, string privateKeyPem, Uri tokenUri, TimeProvider time) : ICredentialSource
{
    public const string User = "oauth2accesstoken";
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public const string Scope = "https://www.googleapis.com/auth/cloud-platform";

    public static GcrCredentials From(ConnectorSettings settings, HttpClient http, TimeProvider time)
    {
        const string Name = "gcpServiceAccountKey";
        var json = settings.GetString(Name) ?? throw new ConnectorSettingsException(Name, "is required for GCR / Artifact Registry");
        try
        {
            using var key = JsonDocument.Parse(json);
            string Field(string field) => key.RootElement.TryGetProperty(field, out var v) && v.GetString() is { Length: > 0 } s
                ? s
                : throw new ConnectorSettingsException(Name, $"the key has no {field} (paste the service account's JSON key)");
            var tokenUri = Field("token_uri");
            return Uri.TryCreate(tokenUri, UriKind.Absolute, out var uri)
                ? new GcrCredentials(http, Field("client_email"), Field("private_key"), uri, time)
                : throw new ConnectorSettingsException(Name, "the key's token_uri is not a URL");
        }
        catch (JsonException)
        {
            throw new ConnectorSettingsException(Name, "is not a JSON service account key");
        }
    }

    public async Task<IssuedLogin> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var document = await FormPost.SendAsync(http, tokenUri,
            [new("grant_type", GrantType), new("assertion", Assertion(now))], "Google OAuth token request", cancellationToken);
        var token = FormPost.RequiredString(document, "access_token", "Google OAuth token request");
        var lifetime = document.RootElement.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 3600;
        return new IssuedLogin(new RegistryLogin(User, token), now.AddSeconds(lifetime));
    }

    internal string Assertion(DateTimeOffset now)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = clientEmail,
            scope = Scope,
            aud = tokenUri.ToString(),
            iat = now.ToUnixTimeSeconds(),
            exp = now.AddHours(1).ToUnixTimeSeconds(),
        }));
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(privateKeyPem);
        }
        catch (ArgumentException ex)
        {
            throw new RegistryException("the service account key's private_key is not a PEM RSA key", ex);
        }

        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{claims}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
