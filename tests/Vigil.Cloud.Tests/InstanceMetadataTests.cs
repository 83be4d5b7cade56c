using Vigil.Agent.Facts;
using Vigil.Testing.Fixtures;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Vigil.Cloud.Tests;

/// <summary>The agent's instance metadata lookup (IMDSv2) against a stand-in on 127.0.0.1.</summary>
public sealed class InstanceMetadataTests : IDisposable
{
    private readonly WireMockServer _imds = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort.Next()}"] });

    [Fact]
    public async Task The_agent_takes_a_session_token_then_reads_the_instance_id_and_region_with_it()
    {
        _imds.Given(Request.Create().WithPath("/latest/api/token").UsingPut().WithHeader(InstanceMetadataClient.TokenTtlHeader, "300"))
            .RespondWith(Response.Create().WithBody("AQAEAtoken=="));
        _imds.Given(Request.Create().WithPath("/latest/meta-data/instance-id").UsingGet().WithHeader(InstanceMetadataClient.TokenHeader, "AQAEAtoken=="))
            .RespondWith(Response.Create().WithBody("i-0123456789abcdef0"));
        _imds.Given(Request.Create().WithPath("/latest/meta-data/placement/region").UsingGet().WithHeader(InstanceMetadataClient.TokenHeader, "AQAEAtoken=="))
            .RespondWith(Response.Create().WithBody("eu-west-1"));
        var errors = new List<string>();

        var facts = await new InstanceMetadataClient(new Uri(_imds.Urls[0])).ReadAsync(errors.Add, TestContext.Current.CancellationToken);

        Assert.Equal(new CloudFacts("aws", "i-0123456789abcdef0", "eu-west-1"), facts);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_service_that_refuses_the_token_gives_no_cloud_facts_and_says_why()
    {
        _imds.Given(Request.Create().WithPath("/latest/api/token").UsingPut()).RespondWith(Response.Create().WithStatusCode(403));
        var errors = new List<string>();

        var facts = await new InstanceMetadataClient(new Uri(_imds.Urls[0])).ReadAsync(errors.Add, TestContext.Current.CancellationToken);

        Assert.Null(facts);
        Assert.Contains("403", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_endpoint_the_agent_reports_no_cloud_facts()
    {
        var facts = new HostFactsCollector("/").Collect();

        Assert.Null(facts.Cloud);
    }

    public void Dispose() => _imds.Stop();
}
