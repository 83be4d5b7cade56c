using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Registry;

/// <summary>
/// Registry HTTP API v2 client. A request first goes out with whatever authorization is cached for the host and
/// repository; a 401 answers with a challenge: <c>Basic</c> is retried with the configured credentials, <c>Bearer</c>
/// fetches a token from the challenge's realm (with the credentials, if any, else anonymously) and retries. Manifests
/// pinned by digest and every blob are digest-verified; HTTPS unless <see cref="RegistryClientOptions.Insecure"/>.
/// </summary>
public sealed partial class RegistryClient : IRegistryClient, IDisposable
{
    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;
    private readonly RegistryHttp _send;
    private readonly RegistryAuthenticator _authenticator;
    private readonly ConcurrentDictionary<string, AuthenticationHeaderValue> _authorization = new(StringComparer.Ordinal);

    /// <summary>Creates a client.</summary>
    public RegistryClient(RegistryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = options.Handler is null ? new HttpClient() : new HttpClient(options.Handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _send = new RegistryHttp(_http, options.RequestTimeout);
        _authenticator = new RegistryAuthenticator(_send, options.Credentials);
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

            using var document = RegistryHttp.ParseJson(bytes, reference);
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

        return (await RegistryHttp.ReadCappedAsync(response, url, cancellationToken), response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonDocument> GetJsonAsync(string registry, string? repository, string path, CancellationToken cancellationToken)
    {
        var url = Url(registry, path);
        using var response = await SendAsync(registry, repository, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(url, response.StatusCode);
        }

        return RegistryHttp.ParseJson(await RegistryHttp.ReadCappedAsync(response, url, cancellationToken), null);
    }

    private async Task<HttpResponseMessage> SendAsync(string registry, string? repository, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var key = $"{registry}|{repository}";
        _authorization.TryGetValue(key, out var cached);
        var response = await SendPacedAsync(create, cached, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var challenge = AuthChallenge.Parse(response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString());
        response.Dispose();
        var authorization = await _authenticator.AuthorizeAsync(registry, repository, challenge, cancellationToken);
        _authorization[key] = authorization;
        return await SendPacedAsync(create, authorization, cancellationToken);
    }

    /// <summary>
    /// Sends, and while the registry answers 429 waits as its <c>Retry-After</c> says (a second when it does not say)
    /// and sends again, until <see cref="RegistryClientOptions.MaxRateLimitWait"/> is used up.
    /// </summary>
    private async Task<HttpResponseMessage> SendPacedAsync(Func<HttpRequestMessage> create, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var request = create();
            var url = request.RequestUri?.GetLeftPart(UriPartial.Path) ?? "registry";
            request.Headers.Authorization = authorization;
            var response = await _send.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var delay = RetryDelay(response.Headers.RetryAfter);
            response.Dispose();
            if (waited + delay > _options.MaxRateLimitWait)
            {
                throw new SourceException(url, $"rate limited for too long: the registry still answered 429 Too Many Requests after {waited.TotalSeconds:0} s of waiting as it asked (limit {_options.MaxRateLimitWait.TotalSeconds:0} s)");
            }

            await Task.Delay(delay, cancellationToken);
            waited += delay;
        }
    }

    private static TimeSpan RetryDelay(RetryConditionHeaderValue? retryAfter)
    {
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private string Url(string registry, string path) => $"{(_options.Insecure ? "http" : "https")}://{registry}{path}";

    private static SourceException Failure(string url, HttpStatusCode status) =>
        new(url, status == HttpStatusCode.NotFound ? "not found (404)" : $"registry answered {(int)status} {status}");
}
