using System.Net.Http.Headers;
using System.Text;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Registry;

/// <summary>
/// Answers a registry's 401 challenge: <c>Basic</c> with the configured credentials, <c>Bearer</c> by fetching a token
/// from the challenge's realm (authenticated with the credentials when there are any, anonymously otherwise) for the
/// challenge's scope, or pull access to the repository when it names none.
/// </summary>
internal sealed class RegistryAuthenticator
{
    private readonly RegistryHttp _http;
    private readonly Func<string, RegistryCredentials?> _credentials;

    public RegistryAuthenticator(RegistryHttp http, Func<string, RegistryCredentials?> credentials)
    {
        _http = http;
        _credentials = credentials;
    }

    public async Task<AuthenticationHeaderValue> AuthorizeAsync(string registry, string? repository, AuthChallenge? challenge, CancellationToken cancellationToken)
    {
        var credentials = _credentials(registry);
        if (challenge is null || challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return credentials is null
                ? throw new SourceException(registry, "authentication required (401) and no credentials given")
                : Basic(credentials);
        }

        if (!challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || !challenge.Parameters.TryGetValue("realm", out var realm))
        {
            throw new SourceException(registry, $"unsupported authentication challenge '{challenge.Scheme}'");
        }

        var query = new StringBuilder();
        if (challenge.Parameters.TryGetValue("service", out var service))
        {
            query.Append("service=").Append(Uri.EscapeDataString(service));
        }

        var scope = challenge.Parameters.GetValueOrDefault("scope") ?? (repository is null ? null : $"repository:{repository}:pull");
        if (scope is not null)
        {
            query.Append(query.Length > 0 ? "&" : "").Append("scope=").Append(Uri.EscapeDataString(scope));
        }

        var tokenUrl = query.Length == 0 ? realm : $"{realm}{(realm.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{query}";
        using var request = new HttpRequestMessage(HttpMethod.Get, tokenUrl);
        if (credentials is not null)
        {
            request.Headers.Authorization = Basic(credentials);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SourceException(registry, $"token service {new Uri(tokenUrl).GetLeftPart(UriPartial.Path)} refused: {(int)response.StatusCode} {response.StatusCode}");
        }

        using var document = RegistryHttp.ParseJson(await RegistryHttp.ReadCappedAsync(response, tokenUrl, cancellationToken), null);
        var token = (document.RootElement.TryGetProperty("token", out var t) ? t.GetString() : null)
            ?? (document.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null);
        return string.IsNullOrEmpty(token)
            ? throw new SourceException(registry, "token service returned no token")
            : new AuthenticationHeaderValue("Bearer", token);
    }

    public static AuthenticationHeaderValue Basic(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
}
