namespace Vigil.Plugins.DockerRegistry.Credentials;

/// <summary>Where a registry login comes from: configured as is, or exchanged from cloud credentials.</summary>
internal interface ICredentialSource
{
    /// <summary>The login to use now (null login: anonymous), and when it stops working.</summary>
    Task<IssuedLogin> GetAsync(CancellationToken cancellationToken);
}
