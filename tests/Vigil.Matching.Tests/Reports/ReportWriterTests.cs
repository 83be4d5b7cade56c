using System.Text;
using System.Text.Json;
using NJsonSchema;
using Vigil.Scanning.Reports;

namespace Vigil.Matching.Tests.Reports;

public sealed class ReportWriterTests
{
    private static string Render(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Json_report_has_the_issue_shape()
    {
        using var json = JsonDocument.Parse(Render(s => JsonReportWriter.Write(SampleReport.Create(), s)));
        var root = json.RootElement;

        var first = root.GetProperty("findings")[0];
        Assert.Equal("GHSA-35jh-r3h4-6jhm", first.GetProperty("id").GetString());
        Assert.Equal("CVE-2021-23337", first.GetProperty("aliases")[0].GetString());
        Assert.Equal("high", first.GetProperty("severity").GetString());
        Assert.Equal(7.2, first.GetProperty("score").GetDouble());
        Assert.Equal("pkg:npm/lodash@4.17.20", first.GetProperty("package").GetProperty("purl").GetString());
        Assert.Equal("4.17.20", first.GetProperty("package").GetProperty("version").GetString());
        Assert.Equal("npm", first.GetProperty("package").GetProperty("ecosystem").GetString());
        Assert.Equal("4.17.21", first.GetProperty("fixedVersions")[0].GetString());
        Assert.Equal("npm", first.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("findings")[1].GetProperty("score").ValueKind);
        Assert.Equal("versionNotComparable", root.GetProperty("findings")[2].GetProperty("status").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal((0, 1, 1, 0, 1), (summary.GetProperty("critical").GetInt32(), summary.GetProperty("high").GetInt32(), summary.GetProperty("medium").GetInt32(), summary.GetProperty("low").GetInt32(), summary.GetProperty("unknown").GetInt32()));
        Assert.False(root.GetProperty("policy").GetProperty("passed").GetBoolean());
        Assert.Equal("no purl", root.GetProperty("unidentified")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Sarif_output_validates_against_the_sarif_2_1_0_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Reports", "sarif-schema-2.1.0.json"), TestContext.Current.CancellationToken);
        var sarif = Render(s => SarifReportWriter.Write(SampleReport.Create(), s, "0.1.0"));

        var errors = schema.Validate(sarif);

        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => e.ToString())));
        using var json = JsonDocument.Parse(sarif);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(3, run.GetProperty("results").GetArrayLength());
        Assert.Equal("7.2", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("package-lock.json", run.GetProperty("results")[1].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("DSA-5532-1|pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12|package-lock.json", run.GetProperty("results")[1].GetProperty("partialFingerprints").GetProperty("vigilFindingKey/v1").GetString());
    }

    [Fact]
    public async Task Sarif_validator_rejects_a_broken_log()
    {
        // Proves the schema check above can fail: a result without a message is invalid SARIF.
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Reports", "sarif-schema-2.1.0.json"), TestContext.Current.CancellationToken);
        var broken = """{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "ruleId": "A" } ] } ] }""";

        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public async Task CycloneDx_vex_validates_against_the_cyclonedx_1_6_schema_and_links_components()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "bom-1.6.schema.json"), TestContext.Current.CancellationToken);
        var bom = Render(s => CycloneDxVexWriter.Write(SampleReport.Create(), null, s));

        var errors = schema.Validate(bom);

        Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => e.ToString())));
        using var json = JsonDocument.Parse(bom);
        var vulnerabilities = json.RootElement.GetProperty("vulnerabilities");
        Assert.Equal(3, vulnerabilities.GetArrayLength());
        var refs = json.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("bom-ref").GetString()).ToHashSet();
        Assert.All(vulnerabilities.EnumerateArray(), v => Assert.Contains(v.GetProperty("affects")[0].GetProperty("ref").GetString(), refs));
        Assert.Equal("in_triage", vulnerabilities[2].GetProperty("analysis").GetProperty("state").GetString());
    }

    [Fact]
    public void Table_lists_findings_worst_first_with_a_summary_line()
    {
        using var writer = new StringWriter();
        TableReportWriter.Write(SampleReport.Create(), writer);
        var lines = writer.ToString().Split('\n');

        Assert.StartsWith("SEVERITY", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("high", lines[1], StringComparison.Ordinal);
        Assert.Contains("GHSA-35jh-r3h4-6jhm", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("3 finding(s) in 2 component(s): critical 0, high 1, medium 1, low 0, unknown 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("gate: FAILED", StringComparison.Ordinal));
    }
}
