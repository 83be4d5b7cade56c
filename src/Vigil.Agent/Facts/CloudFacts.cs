namespace Vigil.Agent.Facts;

/// <summary>What the cloud's instance metadata service says this machine is; cloud connectors map the node with it.</summary>
/// <param name="Provider">The metadata flavour, e.g. <c>aws</c>.</param>
/// <param name="InstanceId">The provider's instance id.</param>
/// <param name="Region">The region, when the service tells it.</param>
public sealed record CloudFacts(string Provider, string InstanceId, string? Region);
