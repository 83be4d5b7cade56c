using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Registry;

// Paged listings, a connection check and manifest summaries: what registry connectors need besides pulling.
public sealed partial class RegistryClient
{
    /// <summary>Checks that <c>/v2/</c> answers and accepts the configured credentials.</summary>
    public async Task CheckAsync(string registry, CancellationToken cancellationToken = default)
    {
        var url = Url(registry, "/v2/");
        using var response = await SendAsync(registry, null, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(url, response.StatusCode);
        }
    }

    /// <summary>One page of <c>/v2/_catalog?n=N&amp;last=L</c>.</summary>
    public Task<RegistryListing> ListRepositoriesPageAsync(string registry, int pageSize, string? last, CancellationToken cancellationToken = default) =>
        ListPageAsync(registry, null, "/v2/_catalog", "repositories", pageSize, last, cancellationToken);

    /// <summary>One page of <c>/v2/REPO/tags/list?n=N&amp;last=L</c>.</summary>
    public Task<RegistryListing> ListTagsPageAsync(string registry, string repository, int pageSize, string? last, CancellationToken cancellationToken = default) =>
        ListPageAsync(registry, repository, $"/v2/{repository}/tags/list", "tags", pageSize, last, cancellationToken);

    /// <summary>
    /// The digest and media type of <paramref name="reference"/>'s manifest, its platforms, and the creation date from
    /// the image config (for an index: of its first image manifest).
    /// </summary>
    public async Task<ManifestSummary> DescribeAsync(ImageReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var (bytes, mediaType) = await GetManifestAsync(reference, reference.ManifestReference, cancellationToken);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var document = RegistryHttp.ParseJson(bytes, reference);
        var root = document.RootElement;
        var type = string.IsNullOrEmpty(mediaType) || mediaType == "application/json" ? OciJson.MediaType(root) : mediaType;
        if (type is OciMediaTypes.ImageIndex or OciMediaTypes.DockerManifestList || root.TryGetProperty("manifests", out _))
        {
            var entries = OciJson.IndexEntries(root, reference.ToString())
                .Where(e => e.Platform is not { Os: "unknown" }) // attestation manifests
                .ToArray();
            var first = entries.FirstOrDefault();
            var created = first is null ? null : (await DescribeAsync(reference with { Tag = null, Digest = first.Digest }, cancellationToken)).Created;
            return new ManifestSummary(digest, type, created, entries.Where(e => e.Platform is not null).Select(e => Format(e.Platform!)).ToArray());
        }

        if (!root.TryGetProperty("config", out var descriptor) || !descriptor.TryGetProperty("digest", out var configDigest))
        {
            return new ManifestSummary(digest, type, null, []);
        }

        var configBlob = new OciDescriptor("", configDigest.GetString() ?? "", descriptor.TryGetProperty("size", out var size) ? size.GetInt64() : -1);
        await using var blob = await OpenBlobAsync(reference, configBlob, cancellationToken);
        await using var capped = BoundedReadStream.Cap(blob, 4 * 1024 * 1024, $"{reference} config");
        using var config = await JsonDocument.ParseAsync(capped, cancellationToken: cancellationToken);
        var configRoot = config.RootElement;
        DateTimeOffset? createdAt = configRoot.TryGetProperty("created", out var c) && c.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(c.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime() : null;
        var os = configRoot.TryGetProperty("os", out var o) ? o.GetString() : null;
        var architecture = configRoot.TryGetProperty("architecture", out var a) ? a.GetString() : null;
        return new ManifestSummary(digest, type, createdAt, os is null || architecture is null ? [] : [$"{os}/{architecture}"]);
    }

    private async Task<RegistryListing> ListPageAsync(
        string registry, string? repository, string path, string property, int pageSize, string? last, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var query = $"?n={pageSize.ToString(CultureInfo.InvariantCulture)}{(last is null ? "" : "&last=" + Uri.EscapeDataString(last))}";
        var url = Url(registry, path + query);
        using var response = await SendAsync(registry, repository, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(url, response.StatusCode);
        }

        using var document = RegistryHttp.ParseJson(await RegistryHttp.ReadCappedAsync(response, url, cancellationToken), null);
        var names = document.RootElement.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.GetString() ?? "").Where(r => r.Length > 0).ToArray()
            : [];
        return new RegistryListing(names, NextLast(response.Headers));
    }

    /// <summary>
    /// The <c>last</c> of the <c>Link: &lt;…?last=X&amp;n=N&gt;; rel="next"</c> header; without one the listing is
    /// complete (the distribution spec).
    /// </summary>
    private static string? NextLast(HttpResponseHeaders headers)
    {
        if (headers.TryGetValues("Link", out var links))
        {
            foreach (var link in links)
            {
                var open = link.IndexOf('<', StringComparison.Ordinal);
                var close = link.IndexOf('>', StringComparison.Ordinal);
                if (open < 0 || close < open || !link.Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var target = link[(open + 1)..close];
                var queryStart = target.IndexOf('?', StringComparison.Ordinal);
                foreach (var pair in queryStart < 0 ? [] : target[(queryStart + 1)..].Split('&'))
                {
                    if (pair.StartsWith("last=", StringComparison.Ordinal))
                    {
                        return Uri.UnescapeDataString(pair[5..]);
                    }
                }
            }
        }

        return null;
    }

    private static string Format(ImagePlatform platform) =>
        platform.Variant is null ? $"{platform.Os}/{platform.Architecture}" : $"{platform.Os}/{platform.Architecture}/{platform.Variant}";
}
