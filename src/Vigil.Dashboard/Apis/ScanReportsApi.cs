using System.Text;
using Vigil.Dashboard.Reports;
using Vigil.Scanning.Reports;

namespace Vigil.Dashboard.Apis;

/// <summary>A scan's findings exported as CSV, JSON (the CLI's shape), SARIF 2.1.0 or printable HTML.</summary>
public static class ScanReportsApi
{
    public static readonly string[] Formats = ["csv", "json", "sarif", "html"];

    public static void MapScanReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/scans/{id}/report", Report).WithTags("Scans").WithName("ExportScanReport")
            .WithSummary("Export a scan's findings: format=csv|json|sarif|html (JSON and SARIF as vigil scan writes them; triaged findings under ignored)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/sarif+json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> Report(string id, string? format, ScanExportLoader loader, CancellationToken cancellationToken)
    {
        var chosen = (format ?? "json").Trim().ToLowerInvariant();
        if (!Formats.Contains(chosen))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Use csv, json, sarif or html."] });
        }

        if (await loader.LoadAsync(id, cancellationToken) is not { } export)
        {
            return TypedResults.NotFound();
        }

        var name = $"vigil-scan-{id}";
        return chosen switch
        {
            "csv" => TypedResults.File(Encoding.UTF8.GetBytes(CsvScanReportWriter.Write(export.Findings)), "text/csv; charset=utf-8", $"{name}.csv"),
            "html" => TypedResults.File(Encoding.UTF8.GetBytes(HtmlScanReportWriter.Write(export)), "text/html; charset=utf-8"),
            "sarif" => TypedResults.File(Render(s => SarifReportWriter.Write(export.Report, s, ToolVersion)), "application/sarif+json", $"{name}.sarif"),
            _ => TypedResults.File(Render(s => JsonReportWriter.Write(export.Report, s)), "application/json", $"{name}.json"),
        };
    }

    private static string ToolVersion => typeof(ScanReportsApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static byte[] Render(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }
}
