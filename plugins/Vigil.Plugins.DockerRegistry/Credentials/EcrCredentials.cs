using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vigil.Plugins.Sdk.Connectors;
using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>
/// Amazon ECR: <c>GetAuthorizationToken</c> (a SigV4-signed JSON POST with target
/// <c>AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken</c>) returns base64 <c>AWS:PASSWORD</c>, valid for
/// 12 hours, used as basic credentials on the registry.
/// </summary>
internal sealed class EcrCredentials(HttpClient http, Uri endpoint, string region, string accessKeyId, string secretAccessKey, string? sessionToken, TimeProvider time)
    : ICredentialSource
{
    public const string Target = "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken";
    public const string ContentType = "application/x-amz-json-1.1";

    public static EcrCredentials From(ConnectorSettings settings, string registry, bool insecure, HttpClient http, TimeProvider time)
    {
        var region = settings.GetString("awsRegion") ?? RegionOf(registry)
            ?? throw new ConnectorSettingsException("awsRegion", "is required when the registry host does not name the region");
        var api = settings.GetString("ecrApiUrl") ?? ApiUrlOf(registry, insecure)
            ?? throw new ConnectorSettingsException("ecrApiUrl", "is required when the registry host is not an ECR host");
        if (!Uri.TryCreate(api, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            throw new ConnectorSettingsException("ecrApiUrl", "must be an http(s) URL");
        }

        return new EcrCredentials(http, endpoint, region,
            settings.GetString("awsAccessKeyId") ?? throw new ConnectorSettingsException("awsAccessKeyId", "is required for ECR"),
            settings.GetString("awsSecretAccessKey") ?? throw new ConnectorSettingsException("awsSecretAccessKey", "is required for ECR"),
            settings.GetString("awsSessionToken"),
            time);
    }

    public async Task<IssuedLogin> GetAsync(CancellationToken cancellationToken)
    {
        var body = "{}"u8.ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
        AwsSigV4.Sign(request, body, ContentType, accessKeyId, secretAccessKey, sessionToken, region, "ecr", time.GetUtcNow());
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw ExchangeException.Unreachable("ECR GetAuthorizationToken", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ExchangeException.FromAsync("ECR GetAuthorizationToken", response, cancellationToken);
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var data = document.RootElement.GetProperty("authorizationData").EnumerateArray().FirstOrDefault();
            if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("authorizationToken", out var token))
            {
                throw new RegistryException("ECR GetAuthorizationToken returned no authorization data");
            }

            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token.GetString() ?? ""));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new RegistryException("ECR authorization token is not USER:PASSWORD");
            }

            DateTimeOffset? expires = data.TryGetProperty("expiresAt", out var at) && at.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)(at.GetDouble() * 1000))
                : null;
            return new IssuedLogin(new RegistryLogin(decoded[..colon], decoded[(colon + 1)..]), expires);
        }
    }

    /// <summary><c>ACCOUNT.dkr.ecr.REGION.amazonaws.com</c> → <c>REGION</c>.</summary>
    internal static string? RegionOf(string registry)
    {
        var parts = registry.Split(':')[0].Split('.');
        var ecr = Array.IndexOf(parts, "ecr");
        return ecr > 0 && ecr + 1 < parts.Length - 1 && parts[ecr - 1] == "dkr" ? parts[ecr + 1] : null;
    }

    /// <summary>The API endpoint beside the registry: its host with <c>ACCOUNT.dkr.</c> replaced by <c>api.</c>.</summary>
    internal static string? ApiUrlOf(string registry, bool insecure)
    {
        var host = registry.Split(':')[0];
        var at = host.IndexOf(".dkr.ecr.", StringComparison.Ordinal);
        return at <= 0 ? null : $"{(insecure ? "http" : "https")}://api.{host[(at + ".dkr.".Length)..]}/";
    }
}
