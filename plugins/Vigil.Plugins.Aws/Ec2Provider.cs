using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Vigil.Plugins.Sdk.Cloud;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Aws;

/// <summary>
/// EC2 instances of one account and region. A node maps to an instance by the instance id its agent read from the
/// instance metadata (facts <c>cloud.instanceId</c>), else by the label <c>aws/instance-id</c>, else by the node tag;
/// the mapping holds only when DescribeInstances finds that instance here.
/// </summary>
public sealed class Ec2Provider(Ec2Options options) : ICloudProvider, IDisposable
{
    /// <summary>Label an enrollment can carry instead of metadata.</summary>
    public const string InstanceLabel = "aws/instance-id";

    // Built on first use: finding default credentials may probe the environment, which a factory must not do.
    private readonly Lazy<AmazonEC2Client> _client = new(options.CreateClient);

    private AmazonEC2Client Ec2 => _client.Value;

    public CloudCapabilities Capabilities =>
        CloudCapabilities.List | CloudCapabilities.Describe | CloudCapabilities.Stop | CloudCapabilities.Terminate
        | (options.QuarantineSecurityGroupId is null ? CloudCapabilities.None : CloudCapabilities.Quarantine);

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var page = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 }, cancellationToken);
            var seen = page.Reservations?.Sum(r => r.Instances?.Count ?? 0) ?? 0;
            return ConnectionTestResult.Ok($"Connected to EC2 in {options.Region}; {seen}{(page.NextToken is null ? "" : "+")} instances visible.");
        }
        catch (AmazonServiceException ex)
        {
            return ConnectionTestResult.Failed($"EC2 in {options.Region} refused: {ex.ErrorCode}: {ex.Message}");
        }
    }

    public async Task<CloudInstancePage> ListInstancesAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var page = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = Math.Clamp(pageSize, 5, 1000), NextToken = cursor }, cancellationToken);
        return new CloudInstancePage(Instances(page).Select(ToInstance).ToArray(), page.NextToken);
    }

    public async Task<CloudInstance?> ResolveInstanceAsync(NodeFacts node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (ReportedInstanceId(node) is { } instanceId)
        {
            return await DescribeAsync(instanceId, cancellationToken);
        }

        var tagged = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter($"tag:{options.NodeTag}", [node.NodeId])],
        }, cancellationToken);
        var matches = Instances(tagged).Where(i => i.State?.Name?.Value != "terminated").ToArray();
        return matches.Length == 1 ? ToInstance(matches[0]) : null; // two instances claiming one node: act on neither
    }

    public async Task<CloudInstance?> DescribeAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, cancellationToken);
            return Instances(page).Where(i => i.InstanceId == instanceId).Select(ToInstance).FirstOrDefault();
        }
        catch (AmazonEC2Exception ex) when (ex.ErrorCode is "InvalidInstanceID.NotFound" or "InvalidInstanceID.Malformed")
        {
            return null;
        }
    }

    /// <summary>Replaces every security group with the quarantine group, then tags the instance with why.</summary>
    public Task QuarantineAsync(string instanceId, string reason, CancellationToken cancellationToken) => RefusalsExplainedAsync(async () =>
    {
        var group = options.QuarantineSecurityGroupId ?? throw new NotSupportedException("no quarantine security group is configured");
        await Ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = instanceId, Groups = [group] }, cancellationToken);
        await Ec2.CreateTagsAsync(new CreateTagsRequest
        {
            Resources = [instanceId],
            Tags = [new Tag("vigil:quarantined", reason.Length > 256 ? reason[..256] : reason)],
        }, cancellationToken);
    });

    public Task StopAsync(string instanceId, CancellationToken cancellationToken) =>
        RefusalsExplainedAsync(() => Ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instanceId] }, cancellationToken));

    public Task TerminateAsync(string instanceId, CancellationToken cancellationToken) =>
        RefusalsExplainedAsync(() => Ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] }, cancellationToken));

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    /// <summary>The id from the agent's metadata lookup (facts <c>cloud.instanceId</c> of provider aws), else the label.</summary>
    private static string? ReportedInstanceId(NodeFacts node)
    {
        if (node.Facts.ValueKind == JsonValueKind.Object && node.Facts.TryGetProperty("cloud", out var cloud) && cloud.ValueKind == JsonValueKind.Object
            && cloud.TryGetProperty("provider", out var provider) && provider.GetString() == "aws"
            && cloud.TryGetProperty("instanceId", out var id) && id.GetString() is { Length: > 0 } fromMetadata)
        {
            return fromMetadata;
        }

        return node.Labels.TryGetValue(InstanceLabel, out var labelled) && labelled.Length > 0 ? labelled : null;
    }

    /// <summary>EC2's error code is what people search for and what the audit log should keep.</summary>
    private static async Task RefusalsExplainedAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (AmazonServiceException ex)
        {
            throw new InvalidOperationException($"EC2 refused ({ex.ErrorCode ?? ((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}): {ex.Message}", ex);
        }
    }

    private static IEnumerable<Instance> Instances(DescribeInstancesResponse page) =>
        (page.Reservations ?? []).SelectMany(r => r.Instances ?? []);

    private CloudInstance ToInstance(Instance instance)
    {
        var tags = (instance.Tags ?? []).Where(t => t.Key is not null).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal);
        string?[] addresses = [instance.PrivateIpAddress, instance.PublicIpAddress, instance.PrivateDnsName, instance.PublicDnsName];
        return new CloudInstance(
            instance.InstanceId,
            tags.GetValueOrDefault("Name") ?? instance.InstanceId,
            instance.State?.Name?.Value ?? "unknown",
            instance.Placement?.AvailabilityZone ?? options.Region,
            addresses.OfType<string>().Where(a => a.Length > 0).ToArray(),
            tags);
    }
}
