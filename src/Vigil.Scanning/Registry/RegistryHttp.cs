using System.Text.Json;
using Vigil.Scanning.Sources;

namespace Vigil.Scanning.Registry;

/// <summary>
/// Sends registry requests with a per-request timeout on the headers only (blob bodies stream afterwards), turns
/// connection failures into one-line <see cref="SourceException"/>s, and reads small JSON answers under a size cap.
/// </summary>
internal sealed class RegistryHttp
{
    private const int MaxJsonBytes = 4 * 1024 * 1024;
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public RegistryHttp(HttpClient http, TimeSpan timeout)
    {
        _http = http;
        _timeout = timeout;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
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
            throw new SourceException(request.RequestUri?.ToString() ?? "registry", $"no answer within {_timeout.TotalSeconds:0}s", e);
        }
        finally
        {
            request.Dispose();
        }
    }

    public static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var capped = BoundedReadStream.Cap(stream, MaxJsonBytes, url);
        using var buffer = new MemoryStream();
        await capped.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public static JsonDocument ParseJson(byte[] bytes, ImageReference? reference)
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
}
