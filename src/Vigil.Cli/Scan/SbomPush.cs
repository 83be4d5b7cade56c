using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Scanning.CycloneDx;
using Vigil.Scanning.Sbom;
using Vigil.Scanning.Sources;

namespace Vigil.Cli.Scan;

/// <summary>
/// With <c>--console URL</c>, sends the scanned SBOM to the console (<c>POST /api/v1/sboms</c>, API key from
/// <c>VIGIL_API_KEY</c>), which keeps it and matches it for the named image or application node.
/// </summary>
public static class SbomPush
{
    /// <summary>Pushes the SBOM and returns the console's scan id.</summary>
    public static async Task<string> PushAsync(ScanRequest request, SbomDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(document);
        var apiKey = Environment.GetEnvironmentVariable("VIGIL_API_KEY");
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new UsageException("VIGIL_API_KEY must be set to push the SBOM to --console");
        }

        var json = request.Sbom is not null ? await File.ReadAllBytesAsync(request.Sbom, cancellationToken) : System.Text.Encoding.UTF8.GetBytes(CycloneDxWriter.WriteToString(document, SubjectType(request)));
        using var compressed = new MemoryStream();
        await using (var zip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await zip.WriteAsync(json, cancellationToken);
        }

        var name = request.PushName ?? (string.IsNullOrWhiteSpace(document.TargetName) ? Path.GetFileName(request.Sbom) : document.TargetName);
        var type = request.Target is not null && SourceTarget.Parse(request.Target).Kind != SourceKind.Directory ? "image" : "application";
        using var http = new HttpClient { BaseAddress = new Uri(request.Console!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"api/v1/sboms?type={type}&name={Uri.EscapeDataString(name ?? "sbom")}") { Content = content };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = TryDetail(body) ?? response.ReasonPhrase;
            throw new UsageException($"pushing the SBOM to {request.Console}: HTTP {(int)response.StatusCode} {detail}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString() ?? "";
    }

    private static string SubjectType(ScanRequest request) =>
        request.Target is not null && SourceTarget.Parse(request.Target).Kind != SourceKind.Directory ? "container" : "file";

    private static string? TryDetail(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
