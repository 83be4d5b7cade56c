using Vigil.Matching.Tests.Support;
using Vigil.Scanning.Policies;
using Vigil.Scanning.Severity;

namespace Vigil.Matching.Tests.Policies;

public sealed class PolicyReaderTests
{
    [Fact]
    public void Reads_json_and_yaml_to_the_same_policy()
    {
        using var dir = new TemporaryDirectory();
        var json = dir.File("gate.json", """
            { "name": "gate", "maxCount": { "critical": 0, "unknown": 3 }, "maxTotal": 10, "maxScore": 8.5, "failOn": "high",
              "denyIds": ["CVE-2021-44228"], "denyPackages": ["pkg:maven/org.apache.logging.log4j/*"], "ignoreUnfixed": true,
              "ignoreIds": ["CVE-1", { "id": "CVE-2", "expires": "2027-01-31", "reason": "vendor patch pending" }] }
            """);
        var yaml = dir.File("gate.yaml", """
            name: gate
            maxCount:
              critical: 0
              unknown: 3
            maxTotal: 10
            maxScore: 8.5
            failOn: high
            denyIds: [CVE-2021-44228]
            denyPackages: ["pkg:maven/org.apache.logging.log4j/*"]
            ignoreUnfixed: true
            ignoreIds:
              - CVE-1
              - id: CVE-2
                expires: 2027-01-31
                reason: vendor patch pending
            """);

        foreach (var policy in new[] { PolicyReader.ReadFile(json), PolicyReader.ReadFile(yaml) })
        {
            Assert.Equal("gate", policy.Name);
            Assert.Equal(0, policy.MaxCount[SeverityLevel.Critical]);
            Assert.Equal(3, policy.MaxCount[SeverityLevel.Unknown]);
            Assert.Equal(10, policy.MaxTotal);
            Assert.Equal(8.5, policy.MaxScore);
            Assert.Equal(SeverityLevel.High, policy.FailOn);
            Assert.Equal(["CVE-2021-44228"], policy.DenyIds);
            Assert.True(policy.IgnoreUnfixed);
            Assert.Equal([new IgnoreRule("CVE-1"), new IgnoreRule("CVE-2", new DateOnly(2027, 1, 31), "vendor patch pending")], policy.IgnoreIds);
        }
    }

    [Theory]
    [InlineData("{ \"maxCritical\": 0 }", "unknown key")]
    [InlineData("{ \"maxCount\": { \"severe\": 1 } }", "unknown severity")]
    [InlineData("{ \"maxTotal\": -1 }", "non-negative")]
    [InlineData("{ \"ignoreIds\": [ { \"id\": \"X\", \"expires\": \"soon\" } ] }", "not a date")]
    [InlineData("[1, 2]", "must be an object")]
    [InlineData("{ nope", "invalid JSON")]
    public void Rejects_bad_policies_with_a_reason(string json, string expected)
    {
        var error = Assert.Throws<PolicyFormatException>(() => PolicyReader.Read(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_trivyignore_style_text_files()
    {
        var rules = IgnoreFileReader.ReadText("""
            # accepted risks
            CVE-2021-1
            CVE-2021-2 exp:2027-01-01 no fix upstream
            GHSA-xxxx-yyyy-zzzz # false positive: not reachable

            """);

        Assert.Equal(
            [new IgnoreRule("CVE-2021-1"), new IgnoreRule("CVE-2021-2", new DateOnly(2027, 1, 1), "no fix upstream"), new IgnoreRule("GHSA-xxxx-yyyy-zzzz", null, "false positive: not reachable")],
            rules);
    }

    [Fact]
    public void Reads_yaml_ignore_files()
    {
        using var dir = new TemporaryDirectory();
        var file = dir.File("ignore.yaml", "ignore:\n  - id: CVE-9\n    expires: 2030-01-01\n  - DSA-1\n");

        Assert.Equal([new IgnoreRule("CVE-9", new DateOnly(2030, 1, 1)), new IgnoreRule("DSA-1")], IgnoreFileReader.ReadFile(file));
    }
}
