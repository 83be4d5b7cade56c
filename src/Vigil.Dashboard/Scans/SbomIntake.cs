using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Vigil.Core.Scans;
using Vigil.Scanning.CycloneDx;

namespace Vigil.Dashboard.Scans;

/// <summary>
/// Reads an uploaded SBOM as hostile input: the body is capped (<see cref="ScanOptions.MaxUploadBytes"/>), gzip is
/// detected by its magic bytes and decompressed under a second cap (against bombs), and the JSON must be CycloneDX.
/// Every refusal says what was wrong and what the limit is.
/// </summary>
public sealed class SbomIntake(IOptions<ScanOptions> options)
{
    public async Task<ReceivedSbom> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (request.ContentLength > limits.MaxUploadBytes)
        {
            throw TooLarge($"The SBOM upload is {Megabytes(request.ContentLength.Value)}", limits.MaxUploadBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxUploadBytes + 1;
        }

        byte[]? body;
        try
        {
            body = await ReadCappedAsync(request.Body, limits.MaxUploadBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            throw TooLarge("The SBOM upload is larger than the limit", limits.MaxUploadBytes);
        }

        if (body.Length == 0)
        {
            throw new SbomRejectedException(StatusCodes.Status400BadRequest, "The request has no body: send the CycloneDX JSON (optionally gzip-compressed).");
        }

        var gzipped = body.Length > 2 && body[0] == 0x1f && body[1] == 0x8b;
        byte[] json;
        if (gzipped)
        {
            try
            {
                await using var unzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
                json = await ReadCappedAsync(unzip, limits.MaxSbomBytes, cancellationToken)
                    ?? throw TooLarge("The SBOM decompresses to more than the limit", limits.MaxSbomBytes);
            }
            catch (InvalidDataException ex)
            {
                throw new SbomRejectedException(StatusCodes.Status400BadRequest, $"The upload starts like gzip but is not valid gzip data: {ex.Message}");
            }
        }
        else
        {
            json = body;
        }

        try
        {
            if (!DeclaresBomFormat(json))
            {
                throw new SbomFormatException("not a CycloneDX BOM: the document has no top-level \"bomFormat\": \"CycloneDX\"");
            }

            var sbom = CycloneDxReader.Read(System.Text.Encoding.UTF8.GetString(json));
            return new ReceivedSbom(sbom, gzipped ? body : Compress(json));
        }
        catch (SbomFormatException ex)
        {
            throw new SbomRejectedException(StatusCodes.Status400BadRequest, $"The SBOM is not usable CycloneDX: {ex.Message}");
        }
    }

    public static byte[] Compress(byte[] json)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Optimal))
        {
            zip.Write(json);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        unzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>
    /// Whether the JSON object names its format at the top level. The reader defaults a missing <c>bomFormat</c>, which
    /// would let any JSON object (an SPDX document, say) pass as an empty BOM. Malformed JSON answers true here, so the
    /// reader reports the parser's own words.
    /// </summary>
    private static bool DeclaresBomFormat(byte[] json)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(json, new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return true;
            }

            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("bomFormat"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }

            return false;
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    /// <summary>The whole stream, or null as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream input, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static SbomRejectedException TooLarge(string what, long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"{what}; the limit is {Megabytes(limit)} (Vigil:Scans:MaxUploadBytes / MaxSbomBytes).");

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
