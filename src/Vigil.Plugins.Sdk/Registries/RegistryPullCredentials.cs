namespace Vigil.Plugins.Sdk.Registries;

/// <summary>What the scanner needs to pull from a registry.</summary>
/// <param name="Endpoint">Host, transport and credentials (null credentials: anonymous).</param>
/// <param name="ExpiresAt">When exchanged credentials stop working, or null when they do not expire.</param>
public sealed record RegistryPullCredentials(RegistryEndpoint Endpoint, DateTimeOffset? ExpiresAt);
