using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Scanning.Feeds;

/// <summary>
/// Downloads a bulk zip over HTTP(S) into the store's download cache, sending the cached copy's ETag and
/// Last-Modified so an unchanged feed costs one 304. The new file replaces the cached one only once it is complete.
/// </summary>
public sealed class HttpFeedDownloader(HttpClient http, string cacheDirectory, FeedLimits limits)
{
    /// <summary>Whether <paramref name="source"/> is an HTTP(S) URL rather than a path.</summary>
    public static bool IsUrl(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Downloads (or revalidates) <paramref name="url"/>; returns the local zip path, whether it changed, and its validators.</summary>
    public async Task<FeedDownload> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Directory.CreateDirectory(cacheDirectory);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
        var zip = Path.Combine(cacheDirectory, key + ".zip");
        var etagFile = zip + ".etag";
        var modifiedFile = zip + ".last-modified";

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (File.Exists(zip))
        {
            if (File.Exists(etagFile))
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", await File.ReadAllTextAsync(etagFile, cancellationToken));
            }

            if (File.Exists(modifiedFile))
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", await File.ReadAllTextAsync(modifiedFile, cancellationToken));
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new FeedImportException($"{url}: download failed ({e.Message})", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified && File.Exists(zip))
            {
                return new FeedDownload(zip, false, await ReadOrNullAsync(etagFile, cancellationToken), ParseDate(await ReadOrNullAsync(modifiedFile, cancellationToken)));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FeedImportException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > limits.MaxDownloadBytes)
            {
                throw new FeedImportException($"{url}: {response.Content.Headers.ContentLength} bytes exceeds the {limits.MaxDownloadBytes}-byte download cap");
            }

            var partial = zip + ".partial";
            try
            {
                await CopyCappedAsync(response, partial, url, cancellationToken);
            }
            catch
            {
                File.Delete(partial);
                throw;
            }

            File.Move(partial, zip, overwrite: true);
            await WriteOrDeleteAsync(etagFile, response.Headers.ETag?.ToString(), cancellationToken);
            await WriteOrDeleteAsync(modifiedFile, response.Content.Headers.LastModified?.ToString("R"), cancellationToken);
            return new FeedDownload(zip, true, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
        }
    }

    private async Task CopyCappedAsync(HttpResponseMessage response, string partial, string url, CancellationToken cancellationToken)
    {
        await using var output = File.Create(partial);
        await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limits.MaxDownloadBytes)
            {
                throw new FeedImportException($"{url}: download exceeds the {limits.MaxDownloadBytes}-byte cap");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static async Task<string?> ReadOrNullAsync(string file, CancellationToken cancellationToken) =>
        File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : null;

    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static async Task WriteOrDeleteAsync(string file, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            File.Delete(file);
        }
        else
        {
            await File.WriteAllTextAsync(file, value, cancellationToken);
        }
    }
}
