using System.Net;
using System.Text.Json;
using NJsonSchema;
using Vigil.Dashboard.Reports;

namespace Vigil.Dashboard.Tests.Scans;

/// <summary>A real scan's findings exported as CSV, JSON, SARIF and printable HTML.</summary>
public sealed class ScanReportApiTests(ScannedFleetFixture fleet) : IClassFixture<ScannedFleetFixture>
{
    private string ScanId => fleet.ShopScan.GetProperty("id").GetString()!;

    private async Task<List<JsonElement>> FindingsAsync() =>
        (await fleet.Api.GetJsonAsync($"/api/v1/scans/{ScanId}/findings?take=1000")).GetProperty("items").EnumerateArray().ToList();

    private async Task<(HttpResponseMessage Response, string Body)> ExportAsync(string format)
    {
        var response = await fleet.Api.Http.GetAsync($"/api/v1/scans/{ScanId}/report?format={format}", TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Csv_has_the_header_and_one_row_per_finding()
    {
        var findings = await FindingsAsync();
        Assert.NotEmpty(findings);
        var (response, body) = await ExportAsync("csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', CsvScanReportWriter.Header), lines[0]);
        Assert.Equal(findings.Count, lines.Length - 1);
        var lodash = findings.First(f => f.GetProperty("package").GetProperty("name").GetString() == "lodash");
        Assert.Contains(lines, l => l.StartsWith($"{lodash.GetProperty("severity").GetString()},", StringComparison.Ordinal)
            && l.Contains($",{lodash.GetProperty("id").GetString()},", StringComparison.Ordinal) && l.Contains(",lodash,4.17.15,npm,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_has_the_cli_shape_with_the_scan_summary()
    {
        var findings = await FindingsAsync();
        var (response, body) = await ExportAsync("json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("shop-api", json.GetProperty("target").GetString());
        Assert.Equal(fleet.ShopScan.GetProperty("snapshotId").GetString(), json.GetProperty("snapshotId").GetString());
        Assert.True(json.GetProperty("components").GetInt32() > 3);
        Assert.Equal(findings.Count, json.GetProperty("findings").GetArrayLength());
        Assert.Equal(0, json.GetProperty("ignored").GetArrayLength());
        foreach (var level in new[] { "critical", "high", "medium", "low", "unknown" })
        {
            Assert.Equal(fleet.ShopScan.GetProperty("summary").GetProperty(level).GetInt32(), json.GetProperty("summary").GetProperty(level).GetInt32());
        }

        var first = json.GetProperty("findings")[0];
        Assert.Equal(findings[0].GetProperty("id").GetString(), first.GetProperty("id").GetString());
        Assert.Equal(findings[0].GetProperty("package").GetProperty("purl").GetString(), first.GetProperty("package").GetProperty("purl").GetString());
    }

    [Fact]
    public async Task Sarif_is_valid_against_the_sarif_2_1_0_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Reports", "sarif-schema-2.1.0.json"), TestContext.Current.CancellationToken);
        var findings = await FindingsAsync();
        var (response, body) = await ExportAsync("sarif");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = schema.Validate(body);
        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => e.ToString())));
        var run = JsonDocument.Parse(body).RootElement.GetProperty("runs")[0];
        Assert.Equal(findings.Count, run.GetProperty("results").GetArrayLength());
        Assert.Equal(findings[0].GetProperty("key").GetString(), run.GetProperty("results")[0].GetProperty("partialFingerprints").GetProperty("vigilFindingKey/v1").GetString());
    }

    [Fact]
    public async Task Html_is_printable_and_lists_every_finding()
    {
        var findings = await FindingsAsync();
        var (response, body) = await ExportAsync("html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
        Assert.Contains("@media print", body, StringComparison.Ordinal);
        Assert.Contains("Vulnerability scan report: shop-api", body, StringComparison.Ordinal);
        Assert.Contains($"Findings ({findings.Count})", body, StringComparison.Ordinal);
        Assert.All(findings, f => Assert.Contains(WebUtility.HtmlEncode(f.GetProperty("id").GetString()!), body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_format_or_scan_is_refused_clearly()
    {
        var (badFormat, body) = await ExportAsync("pdf");
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("csv, json, sarif or html", body, StringComparison.Ordinal);

        using var missing = await fleet.Api.Http.GetAsync("/api/v1/scans/nope/report?format=csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
