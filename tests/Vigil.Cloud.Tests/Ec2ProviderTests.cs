using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Plugins.Aws;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Cloud.Tests;

/// <summary>The EC2 connector against a stand-in of the EC2 Query API: the exact actions, parameters and signature it sends.</summary>
public sealed partial class Ec2ProviderTests : IDisposable
{
    private const string InstanceId = "i-0123456789abcdef0";
    private readonly Ec2StandIn _ec2 = new();

    [Fact]
    public async Task A_node_whose_agent_reported_its_instance_id_resolves_to_that_instance_once_EC2_confirms_it()
    {
        _ec2.Answer("DescribeInstances", Ec2StandIn.DescribeInstances((InstanceId, "running", "web-1")), bodyPart: $"InstanceId.1={InstanceId}");
        using var provider = Provider();

        var instance = await provider.ResolveInstanceAsync(Node(facts: $$$"""{"cloud":{"provider":"aws","instanceId":"{{{InstanceId}}}"}}"""), TestContext.Current.CancellationToken);

        Assert.NotNull(instance);
        Assert.Equal((InstanceId, "web-1", "running", "us-east-1a"), (instance.Id, instance.Name, instance.State, instance.Location));
        Assert.Contains("10.0.0.157", instance.Addresses);
        var (form, authorization) = Assert.Single(_ec2.Requests);
        Assert.Equal("DescribeInstances", form["Action"]);
        Assert.Equal("2016-11-15", form["Version"]);
        Assert.Equal(InstanceId, form["InstanceId.1"]);
        Assert.Matches(SigV4(), authorization);
    }

    [Fact]
    public async Task An_instance_id_EC2_does_not_know_is_no_mapping()
    {
        _ec2.Answer("DescribeInstances", Ec2StandIn.Error("InvalidInstanceID.NotFound", $"The instance ID '{InstanceId}' does not exist"), HttpStatusCode.BadRequest);
        using var provider = Provider();

        Assert.Null(await provider.ResolveInstanceAsync(Node(labels: new() { [Ec2Provider.InstanceLabel] = InstanceId }), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_a_reported_id_the_node_tag_finds_the_instance_and_two_claimants_find_none()
    {
        _ec2.Answer("DescribeInstances", Ec2StandIn.DescribeInstances((InstanceId, "running", "web-1")), bodyPart: "Filter.1.Value.1=node-1");
        _ec2.Answer("DescribeInstances", Ec2StandIn.DescribeInstances((InstanceId, "running", "a"), ("i-0fedcba9876543210", "running", "b")), bodyPart: "Filter.1.Value.1=node-2");
        using var provider = Provider();

        var found = await provider.ResolveInstanceAsync(Node("node-1"), TestContext.Current.CancellationToken);
        var ambiguous = await provider.ResolveInstanceAsync(Node("node-2"), TestContext.Current.CancellationToken);

        Assert.Equal(InstanceId, found?.Id);
        Assert.Null(ambiguous);
        Assert.All(_ec2.Actions("DescribeInstances"), f => Assert.Equal("tag:vigil:node-id", f["Filter.1.Name"]));
    }

    [Fact]
    public async Task Quarantine_replaces_the_security_groups_with_the_quarantine_group_and_tags_why()
    {
        _ec2.Answer("ModifyInstanceAttribute", Ec2StandIn.Returned("ModifyInstanceAttribute"));
        _ec2.Answer("CreateTags", Ec2StandIn.Returned("CreateTags"));
        using var provider = Provider();

        await provider.QuarantineAsync(InstanceId, "policy default failed", TestContext.Current.CancellationToken);

        var modify = Assert.Single(_ec2.Actions("ModifyInstanceAttribute"));
        Assert.Equal(InstanceId, modify["InstanceId"]);
        Assert.Equal("sg-0quarantine", modify["GroupId.1"]);
        Assert.False(modify.ContainsKey("GroupId.2"));
        var tags = Assert.Single(_ec2.Actions("CreateTags"));
        Assert.Equal((InstanceId, "vigil:quarantined", "policy default failed"), (tags["ResourceId.1"], tags["Tag.1.Key"], tags["Tag.1.Value"]));
        Assert.Equal(["ModifyInstanceAttribute", "CreateTags"], _ec2.Requests.Select(r => r.Form["Action"]));
    }

    [Fact]
    public async Task Stop_and_terminate_send_their_actions_for_the_instance()
    {
        _ec2.Answer("StopInstances", Ec2StandIn.StateChange("StopInstances", InstanceId, "running", "stopping"));
        _ec2.Answer("TerminateInstances", Ec2StandIn.StateChange("TerminateInstances", InstanceId, "stopping", "shutting-down"));
        using var provider = Provider();

        await provider.StopAsync(InstanceId, TestContext.Current.CancellationToken);
        await provider.TerminateAsync(InstanceId, TestContext.Current.CancellationToken);

        Assert.Equal(InstanceId, Assert.Single(_ec2.Actions("StopInstances"))["InstanceId.1"]);
        Assert.Equal(InstanceId, Assert.Single(_ec2.Actions("TerminateInstances"))["InstanceId.1"]);
    }

    [Fact]
    public async Task Refused_credentials_fail_the_connection_test_with_EC2s_reason_and_no_secret()
    {
        _ec2.Answer("DescribeInstances", Ec2StandIn.Error("AuthFailure", "AWS was not able to validate the provided access credentials"), HttpStatusCode.Unauthorized);
        using var provider = Provider();

        var result = await provider.TestConnectionAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Contains("AuthFailure", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_quarantine_group_the_connector_does_not_offer_quarantine_and_half_a_key_is_refused()
    {
        using var plain = (Ec2Provider)new Ec2Factory().Create(Settings(quarantineGroup: null));
        Assert.False(plain.Capabilities.HasFlag(CloudCapabilities.Quarantine));
        Assert.True(plain.Capabilities.HasFlag(CloudCapabilities.Terminate));

        var error = Assert.Throws<ConnectorSettingsException>(() => new Ec2Factory().Create(new ConnectorSettings("half", new Dictionary<string, JsonElement>
        {
            ["region"] = JsonSerializer.SerializeToElement(Ec2StandIn.Region),
            ["accessKeyId"] = JsonSerializer.SerializeToElement(Ec2StandIn.AccessKeyId),
        })));
        Assert.Equal("secretAccessKey", error.Setting);
    }

    public void Dispose() => _ec2.Dispose();

    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private Ec2Provider Provider() => (Ec2Provider)new Ec2Factory().Create(Settings("sg-0quarantine"));

    private ConnectorSettings Settings(string? quarantineGroup)
    {
        var values = new Dictionary<string, JsonElement>
        {
            ["region"] = JsonSerializer.SerializeToElement(Ec2StandIn.Region),
            ["accessKeyId"] = JsonSerializer.SerializeToElement(Ec2StandIn.AccessKeyId),
            ["secretAccessKey"] = JsonSerializer.SerializeToElement(Secret),
            ["serviceUrl"] = JsonSerializer.SerializeToElement(_ec2.Url.ToString()),
        };
        if (quarantineGroup is not null)
        {
            values["quarantineSecurityGroupId"] = JsonSerializer.SerializeToElement(quarantineGroup);
        }

        return new ConnectorSettings("test account", values);
    }

    private static NodeFacts Node(string nodeId = "node-1", string facts = "{}", Dictionary<string, string>? labels = null) =>
        new(nodeId, "web-1", labels ?? [], JsonDocument.Parse(facts).RootElement);

    /// <summary>AWS Signature Version 4 with this test's key, date-scoped to the region and EC2.</summary>
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=AKIDVIGILTEST0000001/\d{8}/us-east-1/ec2/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$")]
    private static partial Regex SigV4();
}
