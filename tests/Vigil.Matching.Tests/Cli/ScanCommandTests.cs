using System.Text.Json;
using Vigil.Matching.Tests.Support;

namespace Vigil.Matching.Tests.Cli;

public sealed class ScanCommandTests
{
    private static string Feed(TemporaryDirectory dir)
    {
        dir.File("feed/DSA-9001-1.json", OsvJson.Advisory("DSA-9001-1", "Debian:12", "openssl", "[" + OsvJson.Range("ECOSYSTEM", ("introduced", "0"), ("fixed", "3.0.11-1~deb12u2")) + "]",
            "\"upstream\": [\"CVE-2099-1\"], \"database_specific\": {\"severity\": \"high\"}"));
        dir.File("feed/DSA-9002-1.json", OsvJson.Advisory("DSA-9002-1", "Debian:12", "bash", "[" + OsvJson.Range("ECOSYSTEM", ("introduced", "0")) + "]",
            "\"upstream\": [\"CVE-2099-2\"]"));
        return Path.Combine(dir.Path, "feed");
    }

    private static string Sbom(TemporaryDirectory dir, string name = "bom.json") => dir.File(name, """
        {
          "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
          "components": [
            { "type": "operating-system", "name": "debian", "version": "12.11" },
            { "type": "library", "name": "libssl3", "version": "3.0.11-1~deb12u1", "purl": "pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12.11",
              "properties": [ { "name": "aquasecurity:trivy:SrcName", "value": "openssl" }, { "name": "aquasecurity:trivy:SrcVersion", "value": "3.0.11-1~deb12u1" } ] },
            { "type": "library", "name": "bash", "version": "5.2.15-2+b2", "purl": "pkg:deb/debian/bash@5.2.15-2%2Bb2?arch=amd64&distro=debian-12.11" },
            { "type": "library", "name": "mystery" }
          ]
        }
        """);

    [Fact]
    public async Task Without_fail_criteria_the_scan_exits_0_and_reports_findings()
    {
        using var dir = new TemporaryDirectory();

        var outcome = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Feed(dir), "--format", "json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Stdout);
        var ids = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToArray();
        Assert.Equal(["DSA-9001-1", "DSA-9002-1"], ids);
        Assert.Equal("high", json.RootElement.GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal("CVE-2099-1", json.RootElement.GetProperty("findings")[0].GetProperty("aliases")[0].GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("unknown").GetInt32());
        Assert.Contains(json.RootElement.GetProperty("unidentified").EnumerateArray(), u => u.GetProperty("name").GetString() == "mystery");
    }

    [Theory]
    [InlineData(1, "--fail-on", "high")]
    [InlineData(0, "--fail-on", "critical")]
    [InlineData(1, "--fail-on", "unknown")]
    [InlineData(1, "--fail-on-count", "2")]
    [InlineData(0, "--fail-on-count", "3")]
    [InlineData(1, "--fail-on-high-count", "1")]
    [InlineData(0, "--fail-on-critical-count", "1")]
    [InlineData(0, "--fail-on-medium-count", "1")]
    [InlineData(0, "--fail-on-low-count", "1")]
    [InlineData(1, "--fail-on-unknown-count", "1")]
    [InlineData(0, "--fail-on-score", "7.0")]
    public async Task Fail_options_decide_the_exit_code(int expected, string option, string value)
    {
        using var dir = new TemporaryDirectory();

        var outcome = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Feed(dir), option, value);

        Assert.True(expected == outcome.ExitCode, $"{option} {value}: exit {outcome.ExitCode}\n{outcome.Stdout}{outcome.Stderr}");
        Assert.Contains(expected == 1 ? "gate: FAILED" : "gate: passed", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ignore_unfixed_ignore_file_and_masked_ids_remove_findings_from_the_gate()
    {
        using var dir = new TemporaryDirectory();
        var ignore = dir.File(".vigilignore", "CVE-2099-1 exp:2999-01-01 accepted until the rebuild\n");

        var unfixed = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Feed(dir), "--fail-on", "unknown", "--ignore-unfixed", "--ignore-file", ignore);
        var masked = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Feed(dir), "--fail-on-count", "1", "--ignore-ids", "CVE-2099-1,DSA-9002-1");

        Assert.Equal(0, unfixed.ExitCode);
        Assert.Contains("0 finding(s) in 2 component(s)", unfixed.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 ignored", unfixed.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, masked.ExitCode);
    }

    [Fact]
    public async Task A_policy_file_is_a_gate()
    {
        using var dir = new TemporaryDirectory();
        var policy = dir.File("gate.yaml", "name: gate\ndenyIds: [CVE-2099-2]\n");

        var outcome = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Feed(dir), "--policy", policy);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("denied advisory CVE-2099-2 found (DSA-9002-1", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_sarif_and_cyclonedx_to_an_output_file()
    {
        using var dir = new TemporaryDirectory();
        var sarif = Path.Combine(dir.Path, "out.sarif");
        var vex = Path.Combine(dir.Path, "vex.json");

        var a = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Feed(dir), "--format", "sarif", "-o", sarif);
        var b = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Feed(dir), "--format", "cyclonedx", "-o", vex);

        Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        using var sarifJson = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal(2, sarifJson.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        using var vexJson = JsonDocument.Parse(File.ReadAllText(vex));
        Assert.Equal(2, vexJson.RootElement.GetProperty("vulnerabilities").GetArrayLength());
    }

    [Theory]
    [InlineData("malformed SBOM", "{ not json", "not CycloneDX JSON")]
    [InlineData("unsupported SBOM", "{\"bomFormat\": \"SPDX\"}", "not a CycloneDX BOM")]
    public async Task Bad_sboms_exit_2_with_one_line(string _, string content, string expected)
    {
        using var dir = new TemporaryDirectory();
        var bom = dir.File("bad.json", content);

        var outcome = await CliRunner.RunAsync("scan", "--sbom", bom, "--feed", Feed(dir));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Stderr.TrimEnd().Split('\n'));
        Assert.Contains(expected, outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml", "unknown format")]
    [InlineData("--fail-on", "severe", "unknown severity")]
    [InlineData("--fail-on-count", "many", "not a whole number")]
    [InlineData("--fail-on-score", "11", "between 0 and 10")]
    [InlineData("--policy", "missing.yaml", "policy file not found")]
    [InlineData("--policy", "prod", "--console")]
    [InlineData("--ignore-file", "/nonexistent/ignore", "ignore file not found")]
    [InlineData("--frobnicate", "1", "unknown argument")]
    public async Task Bad_options_exit_2_with_one_line(string option, string value, string expected)
    {
        using var dir = new TemporaryDirectory();

        var outcome = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Feed(dir), option, value);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Stderr.TrimEnd().Split('\n'));
        Assert.Contains(expected, outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_inputs_exit_2()
    {
        using var dir = new TemporaryDirectory();
        var emptyStore = Path.Combine(dir.Path, "empty-store");

        var noTarget = await CliRunner.RunAsync("scan", "--feed", Feed(dir));
        var both = await CliRunner.RunAsync("scan", dir.Path, "--sbom", Sbom(dir), "--feed", Feed(dir));
        var missingSbom = await CliRunner.RunAsync("scan", "--sbom", Path.Combine(dir.Path, "nope.json"), "--feed", Feed(dir));
        var missingFeed = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", Path.Combine(dir.Path, "no-feed"));
        var corruptFeed = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--feed", dir.File("x/all.zip", "nope"));
        var noSnapshot = await CliRunner.RunAsync("scan", "--sbom", Sbom(dir), "--store", emptyStore);
        var missingTarget = await CliRunner.RunAsync("scan", Path.Combine(dir.Path, "no-such-dir"), "--feed", Feed(dir));

        Assert.All(new[] { noTarget, both, missingSbom, missingFeed, corruptFeed, noSnapshot, missingTarget }, o => Assert.Equal(2, o.ExitCode));
        Assert.Contains("exactly one", noTarget.Stderr, StringComparison.Ordinal);
        Assert.Contains("SBOM file not found", missingSbom.Stderr, StringComparison.Ordinal);
        Assert.Contains("feed source not found", missingFeed.Stderr, StringComparison.Ordinal);
        Assert.Contains("not a readable zip", corruptFeed.Stderr, StringComparison.Ordinal);
        Assert.Contains("no feed snapshot", noSnapshot.Stderr, StringComparison.Ordinal);
        Assert.Contains("no such file or directory", missingTarget.Stderr, StringComparison.Ordinal);
    }
}
