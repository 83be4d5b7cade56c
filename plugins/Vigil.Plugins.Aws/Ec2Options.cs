using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Vigil.Plugins.Sdk.Connectors;

namespace Vigil.Plugins.Aws;

/// <summary>One configured AWS account and region, read from the manifest's <c>ec2</c> settings.</summary>
public sealed record Ec2Options(
    string Name,
    string Region,
    string? AccessKeyId,
    string? SecretAccessKey,
    string? RoleArn,
    string? ExternalId,
    string? QuarantineSecurityGroupId,
    string NodeTag,
    Uri? ServiceUrl)
{
    public static Ec2Options From(ConnectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var accessKey = settings.GetString("accessKeyId");
        var secret = settings.GetString("secretAccessKey");
        if ((accessKey is null) != (secret is null))
        {
            throw new ConnectorSettingsException(accessKey is null ? "accessKeyId" : "secretAccessKey", "give both the access key id and its secret, or neither for the default credential chain");
        }

        Uri? serviceUrl = null;
        if (settings.GetString("serviceUrl") is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out serviceUrl) || serviceUrl.Scheme is not ("http" or "https")))
        {
            throw new ConnectorSettingsException("serviceUrl", "must be an http(s) URL");
        }

        return new Ec2Options(
            settings.InstanceName,
            settings.GetRequiredString("region"),
            accessKey,
            secret,
            settings.GetString("roleArn"),
            settings.GetString("externalId"),
            settings.GetString("quarantineSecurityGroupId"),
            settings.GetString("nodeTag") ?? "vigil:node-id",
            serviceUrl);
    }

    /// <summary>A client for this account: the configured keys or the default chain, the role assumed when one is set.</summary>
    public AmazonEC2Client CreateClient()
    {
        var config = new AmazonEC2Config { Timeout = TimeSpan.FromSeconds(30), MaxErrorRetry = 2 };
        if (ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }

        AWSCredentials credentials = AccessKeyId is not null ? new BasicAWSCredentials(AccessKeyId, SecretAccessKey) : DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
        if (RoleArn is not null)
        {
            credentials = new AssumeRoleAWSCredentials(credentials, RoleArn, "vigil", new AssumeRoleAWSCredentialsOptions { ExternalId = ExternalId });
        }

        return new AmazonEC2Client(credentials, config);
    }

    /// <summary>Names only: the secret never appears in logs.</summary>
    public override string ToString() => $"{Name} ({Region})";
}
