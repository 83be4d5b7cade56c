using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Scans;

namespace Vigil.Dashboard.Tests.Scans;

/// <summary>"Which nodes have CVE-X" across the fleet's current findings, and triage honoured by the fleet counts.</summary>
public sealed class FleetFindingsApiTests(ScannedFleetFixture fleet) : IClassFixture<ScannedFleetFixture>
{
    [Fact]
    public async Task An_alias_in_any_case_finds_every_node_that_has_it_and_only_whole_ids_match()
    {
        var findings = (await fleet.Api.GetJsonAsync($"/api/v1/scans/{fleet.ShopScan.GetProperty("id").GetString()}/findings?take=1000")).GetProperty("items").EnumerateArray();
        var withCve = findings.First(f => f.GetProperty("aliases").EnumerateArray().Any(a => a.GetString()!.StartsWith("CVE-", StringComparison.Ordinal)));
        var cve = withCve.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).First(a => a.StartsWith("CVE-", StringComparison.Ordinal));

        var byAlias = await fleet.Api.GetJsonAsync($"/api/v1/findings?advisory={cve.ToLowerInvariant()}");

        var items = byAlias.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["billing-api", "shop-api"], items.Select(i => i.GetProperty("nodeName").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal(withCve.GetProperty("id").GetString(), i.GetProperty("advisoryId").GetString()));
        Assert.Equal(items.Count, byAlias.GetProperty("total").GetInt32());

        var byPrimary = await fleet.Api.GetJsonAsync($"/api/v1/findings?advisory={withCve.GetProperty("id").GetString()}");
        Assert.Equal(items.Count, byPrimary.GetProperty("total").GetInt32());

        var partial = await fleet.Api.GetJsonAsync($"/api/v1/findings?advisory={cve[..^1]}");
        Assert.Equal(0, partial.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Without_an_advisory_the_search_is_refused()
    {
        using var response = await fleet.Api.Http.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("advisory", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fleet_counts_leave_out_a_finding_once_it_is_triaged_on_one_node()
    {
        var queries = fleet.Host.Services.GetRequiredService<FleetQueries>();
        var billing = fleet.BillingScan.GetProperty("nodeId").GetString()!;
        var finding = (await fleet.Api.GetJsonAsync($"/api/v1/scans/{fleet.BillingScan.GetProperty("id").GetString()}/findings?take=1")).GetProperty("items")[0];
        var severity = finding.GetProperty("severity").GetString()!;
        var before = await queries.SeverityTotalsAsync(TestContext.Current.CancellationToken);
        var worstBefore = (await queries.MostVulnerableAsync(10, TestContext.Current.CancellationToken)).Single(n => n.NodeId == billing);

        using var triaged = await fleet.Api.Http.PutAsJsonAsync("/api/v1/triage",
            new { findingKey = finding.GetProperty("key").GetString(), nodeId = billing, state = "falsePositive", reason = "not reachable in this build" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);

        var after = await queries.SeverityTotalsAsync(TestContext.Current.CancellationToken);
        var worstAfter = (await queries.MostVulnerableAsync(10, TestContext.Current.CancellationToken)).Single(n => n.NodeId == billing);
        Assert.Equal(Count(before, severity) - 1, Count(after, severity));
        Assert.Equal(Count(worstBefore.Summary, severity) - 1, Count(worstAfter.Summary, severity));

        // Still listed by the fleet search, with its triage.
        var search = await fleet.Api.GetJsonAsync($"/api/v1/findings?advisory={finding.GetProperty("id").GetString()}");
        var onBilling = search.GetProperty("items").EnumerateArray().First(i => i.GetProperty("nodeId").GetString() == billing && i.GetProperty("findingKey").GetString() == finding.GetProperty("key").GetString());
        Assert.Equal("falsePositive", onBilling.GetProperty("triage").GetString(), ignoreCase: true); // enums are lowercase in JSON

        // The billing scan's export counts it out of findings and lists it as ignored.
        var json = JsonDocument.Parse(await fleet.Api.Http.GetStringAsync($"/api/v1/scans/{fleet.BillingScan.GetProperty("id").GetString()}/report?format=json", TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(1, json.GetProperty("ignored").GetArrayLength());
    }

    private static int Count(Vigil.Core.Events.ScanSummary summary, string severity) => severity switch
    {
        "critical" => summary.Critical,
        "high" => summary.High,
        "medium" => summary.Medium,
        "low" => summary.Low,
        _ => summary.Unknown,
    };
}
