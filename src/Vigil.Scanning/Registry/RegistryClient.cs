using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Registry;

/// <summary>
/// Registry HTTP API v2 client. A request first goes out with whatever authorization is cached for the host and
/// repository; a 401 answers with a challenge: <c>Basic</c> is retried with the configured credentials, <c>Bearer</c>
/// fetches a token from the challenge's realm (with the credentials, if any, else anonymously) and retries. Manifests
/// pinned by digest and every blob are digest-verified; HTTPS unless <see cref="RegistryClientOptions.Insecure"/>.
/// </summary>
public sealed class RegistryClient : IRegistryClient, IDisposable
{
    private const int MaxManifestBytes = 4 * 1024 * 1024;
    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;
    private readonly ConcurrentDictionary<string, AuthenticationHeaderValue> _authorization = new(StringComparer.Ordinal);

    /// <summary>Creates a client.</summary>
    public RegistryClient(RegistryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = options.Handler is null ? new HttpClient() : new HttpClient(options.Handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <inheritdoc />
    public async Task<ResolvedImage> ResolveImageAsync(ImageReference reference, ImagePlatform platform, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(platform);
        var manifestReference = reference.ManifestReference;
        var expectedDigest = reference.Digest;
        for (var depth = 0; depth < 4; depth++)
        {
            var (bytes, mediaType) = await GetManifestAsync(reference, manifestReference, cancellationToken);
            var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (expectedDigest is not null && digest != expectedDigest)
            {
                throw new SourceException($"{reference.Registry}/{reference.Repository}@{expectedDigest}", $"manifest digest mismatch: content is {digest}");
            }

            using var document = ParseJson(bytes, reference);
            var root = document.RootElement;
            var type = string.IsNullOrEmpty(mediaType) || mediaType == "application/json" ? OciJson.MediaType(root) : mediaType;
            var what = $"{reference}";
            if (type is OciMediaTypes.ImageIndex or OciMediaTypes.DockerManifestList || root.TryGetProperty("manifests", out _))
            {
                var chosen = OciJson.SelectPlatform(OciJson.IndexEntries(root, what), platform, what);
                manifestReference = chosen.Digest;
                expectedDigest = chosen.Digest;
                continue;
            }

            OciDescriptor? config = null;
            if (root.TryGetProperty("config", out var c) && c.TryGetProperty("digest", out var cd))
            {
                config = new OciDescriptor(c.TryGetProperty("mediaType", out var cm) ? cm.GetString() ?? "" : "", cd.GetString() ?? "", c.TryGetProperty("size", out var cs) ? cs.GetInt64() : -1);
            }

            return new ResolvedImage(reference, digest, config, OciJson.Layers(root, what));
        }

        throw new SourceException(reference.ToString(), "indexes nested more than 4 deep");
    }

    /// <inheritdoc />
    public async Task<Stream> OpenBlobAsync(ImageReference reference, OciDescriptor blob, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(blob);
        var url = Url(reference.Registry, $"/v2/{reference.Repository}/blobs/{blob.Digest}");
        var response = await SendAsync(reference.Registry, reference.Repository, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw Failure(url, response.StatusCode);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new DigestVerifyingStream(stream, blob.Digest, blob.Size, $"{reference.Registry}/{reference.Repository}@{blob.Digest}");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListTagsAsync(string registry, string repository, CancellationToken cancellationToken = default)
    {
        using var document = await GetJsonAsync(registry, repository, $"/v2/{repository}/tags/list", cancellationToken);
        return document.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().Select(t => t.GetString() ?? "").Where(t => t.Length > 0).ToArray()
            : [];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListRepositoriesAsync(string registry, CancellationToken cancellationToken = default)
    {
        using var document = await GetJsonAsync(registry, null, "/v2/_catalog", cancellationToken);
        return document.RootElement.TryGetProperty("repositories", out var repositories) && repositories.ValueKind == JsonValueKind.Array
            ? repositories.EnumerateArray().Select(r => r.GetString() ?? "").Where(r => r.Length > 0).ToArray()
            : [];
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<(byte[] Bytes, string? MediaType)> GetManifestAsync(ImageReference reference, string manifestReference, CancellationToken cancellationToken)
    {
        var url = Url(reference.Registry, $"/v2/{reference.Repository}/manifests/{manifestReference}");
        using var response = await SendAsync(reference.Registry, reference.Repository, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            foreach (var accepted in OciMediaTypes.AcceptedManifests)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accepted));
            }

            return request;
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(url, response.StatusCode);
        }

        return (await ReadCappedAsync(response, url, cancellationToken), response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonDocument> GetJsonAsync(string registry, string? repository, string path, CancellationToken cancellationToken)
    {
        var url = Url(registry, path);
        using var response = await SendAsync(registry, repository, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(url, response.StatusCode);
        }

        return ParseJson(await ReadCappedAsync(response, url, cancellationToken), null);
    }

    private async Task<HttpResponseMessage> SendAsync(string registry, string? repository, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var key = $"{registry}|{repository}";
        var request = create();
        if (_authorization.TryGetValue(key, out var cached))
        {
            request.Headers.Authorization = cached;
        }

        var response = await SendOnceAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var challenge = AuthChallenge.Parse(response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString());
        response.Dispose();
        var authorization = await AuthorizeAsync(registry, repository, challenge, cancellationToken);
        _authorization[key] = authorization;
        var retry = create();
        retry.Headers.Authorization = authorization;
        return await SendOnceAsync(retry, cancellationToken);
    }

    private async Task<AuthenticationHeaderValue> AuthorizeAsync(string registry, string? repository, AuthChallenge? challenge, CancellationToken cancellationToken)
    {
        var credentials = _options.Credentials(registry);
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

        using var response = await SendOnceAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SourceException(registry, $"token service {new Uri(tokenUrl).GetLeftPart(UriPartial.Path)} refused: {(int)response.StatusCode} {response.StatusCode}");
        }

        using var document = ParseJson(await ReadCappedAsync(response, tokenUrl, cancellationToken), null);
        var token = (document.RootElement.TryGetProperty("token", out var t) ? t.GetString() : null)
            ?? (document.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null);
        return string.IsNullOrEmpty(token)
            ? throw new SourceException(registry, "token service returned no token")
            : new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            // Headers only: blob bodies stream afterwards without the per-request timeout.
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw new SourceException(request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? "registry", $"cannot connect: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceException(request.RequestUri?.ToString() ?? "registry", $"no answer within {_options.RequestTimeout.TotalSeconds:0}s", e);
        }
        finally
        {
            request.Dispose();
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var capped = BoundedReadStream.Cap(stream, MaxManifestBytes, url);
        using var buffer = new MemoryStream();
        await capped.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static JsonDocument ParseJson(byte[] bytes, ImageReference? reference)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new SourceException(reference?.ToString() ?? "registry", $"response is not JSON: {e.Message}", e);
        }
    }

    private static AuthenticationHeaderValue Basic(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));

    private string Url(string registry, string path) => $"{(_options.Insecure ? "http" : "https")}://{registry}{path}";

    private static SourceException Failure(string url, HttpStatusCode status) =>
        new(url, status == HttpStatusCode.NotFound ? "not found (404)" : $"registry answered {(int)status} {status}");
}
