namespace Vigil.Dashboard.Registries;

/// <summary>An image node of a registry: the tag, the digest it pointed at when last listed, and its node.</summary>
public sealed record RegistryImage(string NodeId, string IntegrationId, string Repository, string Tag, string Digest, DateTimeOffset? PushedAt);
