using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Cli.Scan;
using Vigil.Scanning.Severity;
using Vigil.Testing;

namespace Vigil.Dashboard.Tests.Policies;

public sealed class PolicyApiTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private DashboardHost Host => fixture.Host;

    private static readonly object Strict = new
    {
        maxCount = new { critical = 0, high = 2 },
        maxScore = 8.5,
        denyIds = new[] { "CVE-2021-44228" },
        denyPackages = new[] { "pkg:npm/event-stream@*" },
        ignoreUnfixed = true,
        ignoreIds = new object[] { new { id = "CVE-2020-0001", expires = "2099-01-01", reason = "not reachable" } },
    };

    [Fact]
    public async Task Created_policy_is_listed_and_served_as_its_body()
    {
        using var api = Host.Api();

        using var put = await api.Http.PutAsJsonAsync("/api/v1/policies/strict", Strict);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var body = await api.GetJsonAsync("/api/v1/policies/strict");
        Assert.Equal("strict", body.GetProperty("name").GetString());
        Assert.Equal(8.5, body.GetProperty("maxScore").GetDouble());
        var list = await api.GetJsonAsync("/api/v1/policies");
        var listed = list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "strict");
        Assert.Equal("key:bootstrap", listed.GetProperty("updatedBy").GetString());
    }

    [Fact]
    public async Task Default_policy_of_the_pre_deployment_template_exists_from_first_start()
    {
        using var api = Host.Api();

        var body = await api.GetJsonAsync("/api/v1/policies/default");

        Assert.Equal("default", body.GetProperty("name").GetString());
        Assert.Equal(0, body.GetProperty("maxCount").GetProperty("critical").GetInt32());
        Assert.Equal(0, body.GetProperty("maxCount").GetProperty("high").GetInt32());
    }

    [Fact]
    public async Task Invalid_policy_is_refused_and_not_stored()
    {
        using var api = Host.Api();

        using var put = await api.Http.PutAsJsonAsync("/api/v1/policies/typo", new { maxCount = new { critcal = 0 } });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("critcal", await put.Content.ReadAsStringAsync());
        using var get = await api.Http.GetAsync("/api/v1/policies/typo");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Update_replaces_and_delete_removes()
    {
        using var api = Host.Api();
        using (await api.Http.PutAsJsonAsync("/api/v1/policies/changing", new { maxTotal = 5 }))
        {
        }

        using var update = await api.Http.PutAsJsonAsync("/api/v1/policies/changing", new { maxTotal = 7 });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(7, (await api.GetJsonAsync("/api/v1/policies/changing")).GetProperty("maxTotal").GetInt32());

        using var delete = await api.Http.DeleteAsync("/api/v1/policies/changing");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await api.Http.GetAsync("/api/v1/policies/changing");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Vigil_scan_fetches_a_named_policy_from_the_console_with_a_viewer_key()
    {
        using var admin = Host.Api();
        using (var put = await admin.Http.PutAsJsonAsync("/api/v1/policies/ci-gate", Strict))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var (_, viewerKey) = await admin.CreateApiKeyAsync("ci", "viewer");
        var previous = Environment.GetEnvironmentVariable("VIGIL_API_KEY");
        Environment.SetEnvironmentVariable("VIGIL_API_KEY", viewerKey);
        try
        {
            var policy = await PolicySource.LoadAsync("ci-gate", Host.BaseAddress.ToString(), TestContext.Current.CancellationToken);

            Assert.Equal("ci-gate", policy.Name);
            Assert.Equal(0, policy.MaxCount[SeverityLevel.Critical]);
            Assert.Equal(2, policy.MaxCount[SeverityLevel.High]);
            Assert.Equal(["CVE-2021-44228"], policy.DenyIds);
            Assert.True(policy.IgnoreUnfixed);
            Assert.Equal("not reachable", Assert.Single(policy.IgnoreIds).Reason);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_API_KEY", previous);
        }
    }
}
