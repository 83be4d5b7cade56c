using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Agents;
using Vigil.Core.Audit;
using Vigil.Testing;

namespace Vigil.Cloud.Tests;

/// <summary>
/// A removal the provider refuses is kept, raised as a notification and retried with backoff until it succeeds, by
/// the next console if this one stops: the AWS plugin loaded by a real dashboard, talking to the EC2 stand-in.
/// </summary>
public sealed class CloudRemovalRetryTests
{
    private const string InstanceId = "i-0a1b2c3d4e5f60718";

    [Fact]
    public async Task A_refused_termination_is_retried_after_a_restart_until_EC2_accepts_it_and_every_attempt_is_recorded()
    {
        using var ec2 = new Ec2StandIn();
        ec2.Answer("DescribeInstances", Ec2StandIn.DescribeInstances((InstanceId, "running", "web-9")));
        ec2.Answer("DescribeInstances", Ec2StandIn.DescribeInstances((InstanceId, "shutting-down", "web-9")), scenario: "terminate", whenState: "done", priority: 1);
        ec2.Answer("TerminateInstances", Ec2StandIn.Error("UnauthorizedOperation", "You are not authorized to perform this operation."), HttpStatusCode.Forbidden,
            scenario: "terminate", setState: "refused-once");
        ec2.Answer("TerminateInstances", Ec2StandIn.StateChange("TerminateInstances", InstanceId, "running", "shutting-down"),
            scenario: "terminate", whenState: "refused-once", setState: "done", priority: 1);
        using var data = new TempDirectory("vigil-retry");
        string nodeId, apiKey;
        await using (var first = await StartAsync(data.Path, pollInterval: "01:00:00"))
        {
            apiKey = first.AdminApiKey!;
            using var firstApi = first.Api();
            await firstApi.PostJsonAsync("/api/v1/integrations", new
            {
                name = "aws test",
                pluginId = "vigil.aws",
                connectorType = "ec2",
                settings = new { region = Ec2StandIn.Region, accessKeyId = Ec2StandIn.AccessKeyId, secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", serviceUrl = ec2.Url.ToString() },
            });
            var token = await first.Services.GetRequiredService<EnrollmentTokenService>().CreateAsync("web-9", null, 1, new Dictionary<string, string> { ["aws/instance-id"] = InstanceId }, "test");
            nodeId = (await first.Services.GetRequiredService<AgentEnrollment>().EnrollAsync(token.Token, "web-9", null, null)).Agent!.NodeId;

            var refused = (await firstApi.PostJsonAsync($"/api/v1/nodes/{nodeId}/cloud-removal", new { mode = "terminate", reason = "failed policy" })).GetProperty("action").GetString();

            Assert.True(refused!.StartsWith($"The node could not be terminated via aws test ({InstanceId}): ", StringComparison.Ordinal), refused);
            Assert.True(refused.Contains("EC2 refused (UnauthorizedOperation)", StringComparison.Ordinal), refused);
            Assert.True(refused.Contains("Retrying at", StringComparison.Ordinal), refused);
            Assert.NotEqual("removed", (await firstApi.GetJsonAsync($"/api/v1/nodes/{nodeId}")).GetProperty("status").GetString());
        }

        // This console never polls again; the next one, on the same data, finds the removal due and finishes it.
        await using var host = await StartAsync(data.Path, pollInterval: "00:00:00.200");
        using var api = host.Api(apiKey); // bootstrap runs once per database: the first console's key is the one

        var node = await api.WaitForJsonAsync($"/api/v1/nodes/{nodeId}", n => n.GetProperty("status").GetString() == "removed", TimeSpan.FromSeconds(20));

        var timeline = (await api.GetJsonAsync($"/api/v1/nodes/{nodeId}/timeline")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToArray();
        Assert.Equal(["NodeRemoved", "NotificationRecorded", "NodeRemovalFailed"], timeline.Take(3));
        var cloud = await api.GetJsonAsync($"/api/v1/nodes/{nodeId}/cloud");
        var removal = Assert.Single(cloud.GetProperty("removals").EnumerateArray());
        Assert.Equal(("done", 2), (removal.GetProperty("status").GetString(), removal.GetProperty("attempts").GetInt32()));
        Assert.Equal(2, ec2.Actions("TerminateInstances").Count);
        Assert.All(ec2.Actions("TerminateInstances"), f => Assert.Equal(InstanceId, f["InstanceId.1"]));
        var audit = host.Services.GetRequiredService<AuditLog>();
        var removed = await WaitForAsync(async () => (await audit.QueryAsync(new AuditQuery(Action: "Node removed"))).Items.SingleOrDefault());
        Assert.Equal($"failed policy — via aws test ({InstanceId}): the instance is shutting-down", removed.Detail);
        var failed = await WaitForAsync(async () => (await audit.QueryAsync(new AuditQuery(Action: "Node removal failed"))).Items.SingleOrDefault());
        Assert.Contains("attempt 1", failed.Detail, StringComparison.Ordinal);
        Assert.Equal("removed", node.GetProperty("status").GetString());
    }

    private static Task<DashboardHost> StartAsync(string dataDirectory, string pollInterval) => DashboardHost.StartAsync(new DashboardOptions
    {
        DataDirectory = dataDirectory,
        Settings = new Dictionary<string, string?> { ["Vigil:Cloud:RetryDelay"] = "00:00:01", ["Vigil:Cloud:PollInterval"] = pollInterval },
    });

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}
