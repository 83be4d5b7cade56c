using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>A registry login and its expiry (null: does not expire).</summary>
internal sealed record IssuedLogin(RegistryLogin? Login, DateTimeOffset? ExpiresAt);
