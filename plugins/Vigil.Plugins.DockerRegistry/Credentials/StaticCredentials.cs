using Vigil.Plugins.Sdk.Registries;

namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>The configured user name and password (or none: anonymous), for basic auth and token services.</summary>
internal sealed class StaticCredentials(string? username, string? password) : ICredentialSource
{
    public Task<IssuedLogin> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new IssuedLogin(username is null || password is null ? null : new RegistryLogin(username, password), null));
}
